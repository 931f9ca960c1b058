// `credit-bot ask "<text>" [--session ID]`: one turn, as JSON (DESIGN.md command-line contract).
import type { Command } from 'commander';
import { UsageError } from '../usage-error.ts';

export function register(program: Command): void {
  program
    .command('ask')
    .description(
      '处理一句话并输出 JSON / run one turn and print JSON (intent, confidence, facts, determination, reply)',
    )
    .argument('<text>', '用户说的话 / what the user says')
    .option(
      '--session <id>',
      '会话编号，同一编号会保留之前的情况 / session id; facts are kept across calls',
      'default',
    )
    .action(async (text: string, opts: { session: string }) => {
      if (!/^[\w.-]{1,64}$/.test(opts.session)) {
        throw new UsageError(
          '--session must be 1–64 letters, digits, "_", "-" or "." / 会话编号只能用字母数字',
        );
      }
      const [{ createEngine }, { cliLogger }, { say }] = await Promise.all([
        import('../../dialogs/engine.ts'),
        import('../cli-logger.ts'),
        import('../../dialogs/texts.ts'),
      ]);
      const engine = await createEngine({
        log: cliLogger(),
      });
      const result = await engine.handle({
        channel: 'cli',
        chatId: opts.session,
        userId: 'cli',
        addressed: true,
        text,
      });
      await engine.close();
      const texts = result.replies.flatMap((r) =>
        r.kind === 'text'
          ? [
              r.text +
                (r.choices?.length ? `\n${r.choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n')}` : ''),
            ]
          : r.kind === 'move-to-private'
            ? [r.text]
            : [`${say('fileLabel')} ${r.fileName}`],
      );
      const choices = result.replies.flatMap((r) => (r.kind === 'text' ? (r.choices ?? []) : []));
      process.stdout.write(
        `${JSON.stringify(
          {
            intent: result.intent,
            confidence: Number(result.confidence.toFixed(3)),
            facts: result.facts,
            // what the turn was understood as: a bug report shows this, not only the answer
            commands: result.commands ?? [],
            determination: result.determination,
            reply: texts.join('\n\n'),
            choices,
          },
          null,
          2,
        )}\n`,
      );
    });
}
