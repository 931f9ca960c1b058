// `credit-bot web`: the staff web console alone (serve starts it together with the other channels).
import type { Command } from 'commander';
import { UsageError } from '../usage-error.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function register(program: Command): void {
  program
    .command('web')
    .description(
      '启动坐席网页工作台 / start the staff web console (CREDIT_BOT_WEB_HOST, CREDIT_BOT_WEB_PORT, ' +
        'CREDIT_BOT_STAFF_TOKEN or CREDIT_BOT_STAFF_ACCOUNTS)',
    )
    .option(
      '--hash-password',
      '从标准输入读取密码并输出账号文件所需的哈希 / read a password on stdin, print its hash',
    )
    .action(async (opts: { hashPassword?: boolean }) => {
      if (opts.hashPassword) {
        const { hashPassword } = await import('../web/auth.ts');
        const password = await readStdin();
        if (!password)
          throw new UsageError('no password on stdin: echo -n "…" | credit-bot web --hash-password');
        process.stdout.write(`${await hashPassword(password)}\n`);
        return;
      }
      const { createEngine } = await import('../../dialogs/engine.ts');
      const { startWeb } = await import('../web/server.ts');
      const { createLogger } = await import('../../dialogs/log.ts');
      // One logger for the engine and the console (same redaction and error serializer); a bad
      // CREDIT_BOT_LOG_LEVEL is a usage error, reported before anything starts.
      let log: ReturnType<typeof createLogger>;
      try {
        log = createLogger({ secrets: [process.env.CREDIT_BOT_STAFF_TOKEN?.trim() ?? ''] });
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      const engine = await createEngine({ dataDir: process.env.CREDIT_BOT_DATA_DIR || undefined, log });
      let web: Awaited<ReturnType<typeof startWeb>>;
      try {
        web = await startWeb(engine, process.env, { log });
      } catch (err) {
        await engine.close();
        const e = err as NodeJS.ErrnoException;
        if (e.code === 'EADDRINUSE') {
          throw new UsageError(`port already in use: set CREDIT_BOT_WEB_PORT to a free port (${e.message})`);
        }
        // Configuration problems (no token, bad accounts file, bad port) are usage errors: exit 2.
        throw new UsageError(e.message);
      }
      process.stdout.write(`坐席工作台已启动 / staff console listening on ${web.url}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await web.stop();
      await engine.close();
    });
}
