// `credit-bot draft <docType> --data '<json>' --format txt|md|docx --out FILE` (DESIGN.md command-line
// contract). Heavy modules (nunjucks, docx) load inside the action only.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../usage-error.ts';

const FORMATS = ['txt', 'md', 'docx'] as const;
type Format = (typeof FORMATS)[number];

interface DraftOptions {
  data?: string;
  format: string;
  out?: string;
}

function readData(arg: string | undefined): unknown {
  if (arg === undefined) return {};
  const trimmed = arg.trim();
  let text = trimmed;
  let source = '--data';
  if (!/^[{[]/.test(trimmed)) {
    if (!existsSync(trimmed) || !statSync(trimmed).isFile()) {
      throw new UsageError(
        `--data is neither JSON nor a readable file: "${trimmed.slice(0, 60)}" / --data 应为 JSON 对象（如 '{"name":"通城县某某副食店"}'）或 JSON 文件路径`,
      );
    }
    text = readFileSync(trimmed, 'utf8').replace(/^\uFEFF/, '');
    source = trimmed;
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    const why = (err as Error).message.split('\n')[0];
    throw new UsageError(
      `${source} is not valid JSON (${why}); pass an object like '{"name":"通城县某某副食店"}' / 数据不是有效的 JSON`,
    );
  }
}

export function register(program: Command): void {
  program
    .command('draft')
    .description(
      '生成文书草稿 / write a document draft: repair-application, credit-commitment, minor-error-application, situation-explanation, agent-authorization',
    )
    .argument(
      '<docType>',
      '文书类型 / document id (application, commitment and authorization are accepted as aliases)',
    )
    .option(
      '--data <json|file>',
      '字段数据：JSON 对象或 JSON 文件路径 / field values as JSON or a JSON file path',
    )
    .option('--format <format>', '输出格式 txt | md | docx / output format', 'txt')
    .option(
      '--out <file>',
      '输出文件（docx 必填；为目录时用默认文件名）/ output file (required for docx; a directory uses the default name)',
    )
    .action(async (docTypeArg: string, opts: DraftOptions) => {
      const [{ resolveDocType, missingFields, fieldDef }, { renderDraft, DraftDataError }] =
        await Promise.all([
          import('../../knowledge/drafts/fields.ts'),
          import('../../knowledge/drafts/render.ts'),
        ]);
      const { DOCUMENT_IDS } = await import('../../rules/types.ts');
      const docType = resolveDocType(docTypeArg);
      if (!docType) {
        throw new UsageError(
          `unknown document type "${docTypeArg}"; use one of: ${DOCUMENT_IDS.join(', ')} (aliases: application, commitment, authorization) / 未知文书类型`,
        );
      }
      if (!(FORMATS as readonly string[]).includes(opts.format)) {
        throw new UsageError(
          `--format must be one of ${FORMATS.join(', ')}, got "${opts.format}" / 格式只能是 txt、md、docx`,
        );
      }
      const format = opts.format as Format;
      if (format === 'docx' && !opts.out) {
        throw new UsageError(
          '--format docx needs --out FILE (a Word file cannot go to the terminal) / docx 格式须用 --out 指定输出文件',
        );
      }
      const data = readData(opts.data);

      let rendered: Awaited<ReturnType<typeof renderDraft>>;
      try {
        rendered = await renderDraft(docType, data, format);
      } catch (err) {
        if (err instanceof DraftDataError) {
          for (const p of err.problems) process.stderr.write(`credit-bot: ${p.field}: ${p.message}\n`);
          process.exitCode = 2;
          return;
        }
        throw err;
      }

      const blanks =
        typeof data === 'object' && data !== null
          ? missingFields(docType, data as Record<string, unknown>)
          : [];
      if (blanks.length > 0) {
        const labels = blanks.map((f) => `${f}（${fieldDef(f).label}）`).join('、');
        process.stderr.write(
          `credit-bot: 提示 / note: 以下字段未填，草稿中留作空白 ＿＿＿＿ 供手写：${labels}\n`,
        );
      }

      if (!opts.out) {
        process.stdout.write(rendered.text);
        return;
      }
      let target = opts.out;
      if (existsSync(target) && statSync(target).isDirectory()) target = join(target, rendered.fileName);
      try {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, rendered.data);
      } catch (err) {
        throw new UsageError(
          `cannot write ${target}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message} / 无法写入文件`,
        );
      }
      process.stderr.write(`credit-bot: wrote ${target} (${rendered.data.length} bytes)\n`);
    });
}
