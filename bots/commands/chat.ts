// `credit-bot` (default) and `credit-bot staff`: the console chat.
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';

async function start(staff: boolean): Promise<void> {
  const [{ createEngine }, { runConsole }, { cliLogger }] = await Promise.all([
    import('../../dialogs/engine.ts'),
    import('../console.ts'),
    import('../cli-logger.ts'),
  ]);
  const dataDir = process.env.CREDIT_BOT_DATA_DIR ?? './data';
  // The chat owns the terminal: only warnings and errors are logged, on stderr.
  const log = cliLogger(join(dataDir, 'credit-bot.log'));
  const engine = await createEngine({ dataDir, log });
  let user = 'local';
  try {
    user = userInfo().username || 'local';
  } catch {
    // some containers have no passwd entry for the uid
  }
  await runConsole({ engine, staff, draftDir: join(dataDir, 'drafts'), userId: user, log });
}

export function register(program: Command): void {
  program
    .command('chat', { isDefault: true })
    .description('在终端里对话（默认） / interactive console chat (default)')
    .action(() => start(false));
  program
    .command('staff')
    .description(
      '热线工作人员模式：每轮显示案件摘要，可用 /set 录入 / hotline staff mode with case summary and /set',
    )
    .action(() => start(true));
}
