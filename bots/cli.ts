// Entry of the `credit-bot` command. Each subcommand lives in bots/commands/<name>.ts; those modules
// are light and import their heavy libraries (discord.js, telegraf, docx, fastify) only when run.
import { Command, CommanderError } from 'commander';
import { UsageError } from './usage-error.ts';

const program = new Command();
program
  .name('credit-bot')
  .description('信用修复助手 · credit-repair chatbot for market-supervision credit repair (信用修复)')
  .helpOption('-h, --help', '显示帮助 / show help')
  .helpCommand('help [command]', '显示某个子命令的帮助 / help for a command')
  .showHelpAfterError('（用 --help 查看用法 / run with --help for usage）')
  .exitOverride();

type Loader = () => Promise<{ register: (program: Command) => void }>;
const commands: Loader[] = [
  () => import('./commands/chat.ts'),
  () => import('./commands/check.ts'),
  () => import('./commands/ask.ts'),
  () => import('./commands/draft.ts'),
  () => import('./commands/eval.ts'),
  () => import('./commands/serve.ts'),
  () => import('./commands/web.ts'),
  () => import('./commands/wechat-menu.ts'),
];

async function main(argv: string[]): Promise<void> {
  for (const load of commands) {
    const mod = await load().catch((err: unknown) => {
      // A command module that fails to load must not take the whole CLI down.
      if ((err as NodeJS.ErrnoException)?.code === 'ERR_MODULE_NOT_FOUND') return null;
      throw err;
    });
    mod?.register(program);
  }
  // The chat is the default command, so commander would call an unknown word "too many arguments".
  const first = argv[2];
  const known = program.commands.flatMap((c) => [c.name(), ...c.aliases()]);
  if (first && !first.startsWith('-') && first !== 'help' && !known.includes(first)) {
    process.stderr.write(
      `credit-bot: unknown command '${first.slice(0, 40)}' / 没有这个命令 (commands: ${known.join(', ')}; see --help)\n`,
    );
    process.exitCode = 2;
    return;
  }
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`credit-bot: ${err.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(
      `credit-bot: 内部错误 / internal error: ${(err as Error)?.message ?? String(err)}\n`,
    );
    if (process.env.CREDIT_BOT_DEBUG) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
    process.exitCode = 1;
  }
}

await main(process.argv);
