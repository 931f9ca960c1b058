// `credit-bot eval FILE.jsonl [--json]`: figures for an utterance or scenario file (DESIGN.md).
// The NLU model and the rules are imported inside the action so other commands start fast.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../usage-error.ts';

const pct = (x: number | undefined) => (x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);

export function register(program: Command): void {
  program
    .command('eval')
    .description(
      '评测理解与判断效果 / score an utterance, scenario or conversation file (JSONL) and print the figures',
    )
    .argument(
      '<file>',
      'JSONL 文件 / JSONL file: utterances, scenarios or conversations (test/fixtures/eval-dev/*.jsonl)',
    )
    .option('--json', '最后一行输出 JSON 指标 / print the figures as one JSON object on the last line')
    .action(async (file: string, opts: { json?: boolean }) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new UsageError(
          code === 'ENOENT'
            ? `file not found: ${file}; give the path of a .jsonl file, e.g. test/fixtures/eval-dev/utterances.jsonl`
            : `cannot read ${file}: ${(err as Error).message.replace(/\s+/g, ' ')}`,
        );
      }
      if ((await import('../../dialogs/replay.ts')).isConversationFile(text))
        return evalConversations(file, text, Boolean(opts.json));
      const [{ parseEvalFile, scoreEval, EvalInputError }, { understand, nluModel, INTENTS }, { evaluate }] =
        await Promise.all([
          import('../../dialogs/nlu/score.ts'),
          import('../../dialogs/nlu/index.ts'),
          import('../../rules/evaluate.ts'),
        ]);
      const lines = parsedOrUsage(file, () => parseEvalFile(text), EvalInputError);
      nluModel(); // load before timing: the figure is per utterance, not start-up
      const t0 = performance.now();
      const report = scoreEval(lines, { understand: (t) => understand(t), evaluate });
      const ms = performance.now() - t0;
      const out: string[] = [];
      const f = report.figures;
      out.push(`${file}: ${f.n} lines (${(ms / f.n).toFixed(2)} ms/line)`);
      if (f.intentAccuracy !== undefined) {
        out.push(`intent accuracy  ${pct(f.intentAccuracy)}`);
        out.push(`fact precision   ${pct(f.factPrecision)}`);
        out.push(`fact recall      ${pct(f.factRecall)}`);
      }
      if (f.pathAccuracy !== undefined) out.push(`path accuracy    ${pct(f.pathAccuracy)}`);
      if (f.eligibleAccuracy !== undefined) out.push(`eligible accuracy ${pct(f.eligibleAccuracy)}`);
      const labels = Object.keys(report.confusion);
      if (labels.length) {
        const seen = new Set(Object.values(report.confusion).flatMap((row) => Object.keys(row)));
        const predictedLabels = INTENTS.filter((i) => seen.has(i));
        out.push('', 'confusion (rows: expected, columns: predicted)');
        out.push(['expected \\ predicted', ...predictedLabels].join('\t'));
        for (const exp of INTENTS.filter((i) => labels.includes(i))) {
          const row = report.confusion[exp] ?? {};
          out.push([exp, ...predictedLabels.map((p) => String(row[p] ?? 0))].join('\t'));
        }
      }
      const wrong = report.lines.filter(
        (l) =>
          (l.intent !== undefined && !l.expectedIntents?.includes(l.intent)) ||
          l.factErrors.length ||
          l.problems.length ||
          (l.pathExpected !== undefined && l.path !== l.pathExpected) ||
          (l.eligibleExpected !== undefined && l.eligible !== l.eligibleExpected),
      );
      if (wrong.length) {
        out.push('', 'mismatches');
        for (const l of wrong) {
          const parts = [`${l.id} (line ${l.line})`];
          if (l.text !== undefined) parts.push(l.text);
          if (l.intent !== undefined && !l.expectedIntents?.includes(l.intent))
            parts.push(`intent ${l.intent} (${l.confidence}) ≠ ${l.expectedIntents?.join('|')}`);
          if (l.factErrors.length) parts.push(`facts ${l.factErrors.join(' ')}`);
          if (l.pathExpected !== undefined && l.path !== l.pathExpected)
            parts.push(`path ${l.path} ≠ ${l.pathExpected}`);
          if (l.eligibleExpected !== undefined && l.eligible !== l.eligibleExpected)
            parts.push(`eligible ${l.eligible} ≠ ${l.eligibleExpected}`);
          parts.push(...l.problems);
          out.push(`  ${parts.join(' · ')}`);
        }
      }
      if (opts.json) out.push(JSON.stringify(f));
      process.stdout.write(`${out.join('\n')}\n`);
    });
}

/** A conversation file: each conversation replayed in a fresh session, message by message. */
async function evalConversations(file: string, text: string, json: boolean): Promise<void> {
  const { parseConversations, replayAll, ConversationInputError } = await import('../../dialogs/replay.ts');
  const lines = parsedOrUsage(file, () => parseConversations(text), ConversationInputError);
  const { results, conversationAccuracy } = await replayAll(lines);
  const out: string[] = [`${file}: ${results.length} conversations`];
  out.push(`conversation accuracy ${pct(conversationAccuracy)}`);
  const wrong = results.filter((r) => !r.ok);
  if (wrong.length) {
    out.push('', 'mismatches');
    for (const r of wrong) {
      out.push(
        `  ${r.id} (line ${r.line}) · path ${r.got.path} eligible ${r.got.eligible} ≠ ${r.expected.path} ${r.expected.eligible === undefined ? '(any)' : r.expected.eligible}`,
      );
      for (const t of r.transcript)
        out.push(`    ${t.from === 'user' ? '用户' : '助手'}: ${t.text.replace(/\n/g, '\n          ')}`);
    }
  }
  if (json) out.push(JSON.stringify({ n: results.length, conversationAccuracy }));
  process.stdout.write(`${out.join('\n')}\n`);
}

/** Parses an input file; its own input errors become usage errors naming the file (exit 2). */
function parsedOrUsage<T>(file: string, parse: () => T, InputError: new (...args: never[]) => Error): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof InputError) throw new UsageError(`${file}: ${err.message}`);
    throw err;
  }
}
