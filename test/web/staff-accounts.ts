// The two staff members the console's browser and multi-process tests log in as: 王敏 (wang) takes
// the call, 李娜 (li) is the colleague. Writes CREDIT_BOT_STAFF_ACCOUNTS with scrypt hashes.
import { writeFile } from 'node:fs/promises';
import { hashPassword } from '../../bots/web/auth.ts';

export const STAFF = [
  { user: 'wang', name: '王敏', password: 'wang-password' },
  { user: 'li', name: '李娜', password: 'li-password' },
] as const;

export async function writeStaffAccounts(file: string): Promise<string> {
  const accounts = await Promise.all(
    STAFF.map(async (s) => ({ user: s.user, name: s.name, password: await hashPassword(s.password) })),
  );
  await writeFile(file, JSON.stringify({ accounts }));
  return file;
}
