// `credit-bot ask "<text>" [--session ID]`: one turn, as JSON (DESIGN.md command-line contract).
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Reply } from '../../dialogs/types.ts';
import { contractFacts } from '../../rules/types.ts';
import { UsageError } from '../usage-error.ts';

/**
 * A confirmed draft arrives as a Word file: it is written under $CREDIT_BOT_DATA_DIR/drafts (as the
 * console does) and its path printed as `draftFile` (`draftFiles` when both letters were drafted).
 */
async function saveDraftFiles(
  replies: Reply[],
): Promise<{ draftFile?: string; draftFiles?: string[]; draftFileError?: string }> {
  const files = replies.flatMap((r) => (r.kind === 'file' ? [r] : []));
  if (!files.length) return {};
  const dir = join(process.env.CREDIT_BOT_DATA_DIR || './data', 'drafts');
  const paths: string[] = [];
  try {
    await mkdir(dir, { recursive: true });
    for (const f of files) {
      const path = resolve(dir, f.fileName);
      await writeFile(path, f.data);
      paths.push(path);
    }
  } catch (err) {
    return { draftFileError: `cannot write ${resolve(dir)}: ${(err as Error).message}` };
  }
  return paths.length > 1 ? { draftFile: paths[0], draftFiles: paths } : { draftFile: paths[0] };
}

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
      const draft = await saveDraftFiles(result.replies);
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
      // DOMAIN §4's facts; the bot's own ones (someone applying for the business) beside them
      const { facts, own } = contractFacts(result.facts);
      const choices = result.replies.flatMap((r) => (r.kind === 'text' ? (r.choices ?? []) : []));
      process.stdout.write(
        `${JSON.stringify(
          {
            intent: result.intent,
            confidence: Number(result.confidence.toFixed(3)),
            facts,
            ...(Object.keys(own).length ? { ownFacts: own } : {}),
            // what the turn was understood as: a bug report shows this, not only the answer
            commands: result.commands ?? [],
            determination: result.determination,
            reply: texts.join('\n\n'),
            choices,
            ...draft,
          },
          null,
          2,
        )}\n`,
      );
    });
}
