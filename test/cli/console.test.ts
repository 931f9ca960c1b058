// The real `npm start` entry, driven through stdin/stdout like a person at a terminal.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function runConsole(
  lines: string[],
  dataDir: string,
  args: string[] = [],
): Promise<{ out: string; err: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'credit-bot.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, CREDIT_BOT_DATA_DIR: dataDir, NODE_ENV: 'production' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ out, err, code }));
    child.stdin.end(`${lines.join('\n')}\n`);
  });
}

describe('npm start (console chat)', () => {
  it('completes an interview, then resumes the case after quitting and starting again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crb-console-'));
    const first = await runConsole(['1', '1', '2', '2021年'], dir);
    expect(first.code).toBe(0);
    expect(first.out).toContain('被列入经营异常名录');
    expect(first.out).toMatch(/纸质/);

    const second = await runConsole(['1', '退出'], dir);
    expect(second.code).toBe(0);
    expect(second.out).toContain('欢迎回来');
    expect(second.out).toContain('容缺');
    expect(second.out).toContain('守信承诺书');
    expect(second.out).toContain('四(三)一');
    expect(second.err).toBe('');
  });

  it('staff mode prints a case summary after every turn and accepts /set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crb-staff-'));
    const r = await runConsole(
      ['/set entityType=individual listed=是 listingReason=annual_report_overdue listedYear=2021', '是'],
      dir,
      ['staff'],
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('案件摘要');
    expect(r.out).toContain('个体工商户');
    expect(r.out).toMatch(/判断：.*容缺/);
  });
});

describe('command line usage errors', () => {
  it('an unknown command exits 2 with one line naming it', async () => {
    const r = await runConsole([], mkdtempSync(join(tmpdir(), 'crb-cli-')), ['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain("unknown command 'frobnicate'");
  });
});
