// `credit-bot check`: evaluates a facts object and prints the Determination (JSON) or its Chinese
// explanation. Rules and knowledge are imported inside the action so the console chat starts fast.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../usage-error.ts';

interface CheckOptions {
  facts?: string;
  factsFile?: string;
  explain?: boolean;
  date?: string;
}

const EXAMPLE = `'{"entityType":"individual","listed":true,"listingReason":"annual_report_overdue"}'`;

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function readFactsText(opts: CheckOptions): { text: string; source: string } {
  if (opts.facts !== undefined && opts.factsFile !== undefined) {
    throw new UsageError('give either --facts or --facts-file, not both');
  }
  if (opts.facts !== undefined) return { text: opts.facts, source: '--facts' };
  if (opts.factsFile !== undefined) {
    try {
      return { text: readFileSync(opts.factsFile, 'utf8'), source: `--facts-file ${opts.factsFile}` };
    } catch (err) {
      throw new UsageError(`cannot read --facts-file ${opts.factsFile}: ${oneLine((err as Error).message)}`);
    }
  }
  throw new UsageError(`missing facts: use --facts ${EXAMPLE} or --facts-file FILE`);
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(
      `${source} is not valid JSON (${oneLine((err as Error).message)}); example: ${EXAMPLE}`,
    );
  }
}

export function register(program: Command): void {
  program
    .command('check')
    .description('判断适用的信用修复途径 / evaluate facts and print the Determination as JSON')
    .option('--facts <json>', `情况，JSON 对象 / facts as a JSON object, e.g. ${EXAMPLE}`)
    .option('--facts-file <file>', '从文件读取情况 JSON / read the facts JSON from a file')
    .option('--explain', '输出中文说明而不是 JSON / print the Chinese explanation instead of JSON')
    .option(
      '--date <YYYY-MM-DD>',
      '判断所依据的日期（等待期算到这一天），也是推算办结日期的提交日 / the day the rules are applied (waiting periods are counted to it) and the submission date for the calendar deadline; default today in China',
    )
    .action(async (opts: CheckOptions) => {
      const [{ validateFacts }, { evaluate }, { parseIsoDate }] = await Promise.all([
        import('../../rules/validate.ts'),
        import('../../rules/evaluate.ts'),
        import('../../rules/deadline.ts'),
      ]);
      if (opts.date !== undefined && !parseIsoDate(opts.date)) {
        throw new UsageError(`--date ${opts.date} is not a real date; use YYYY-MM-DD, e.g. 2026-09-28`);
      }
      const { text, source } = readFactsText(opts);
      const checked = validateFacts(parseJson(text, source));
      if (!checked.ok)
        throw new UsageError(`invalid facts in ${source}: ${checked.problems.map(oneLine).join('; ')}`);
      const today = opts.date?.trim();
      const determination = evaluate(checked.facts, today ? { today } : {});
      if (opts.explain) {
        const { explain } = await import('../../knowledge/explain.ts');
        process.stdout.write(
          `${explain(determination, checked.facts, { submissionDate: today, ...(today ? { today } : {}) })}\n`,
        );
        return;
      }
      process.stdout.write(`${JSON.stringify(determination, null, 2)}\n`);
    });
}
