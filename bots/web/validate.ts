// Request-body checks for the staff API. Messages are bilingual (中文 / English) and say how to fix.
import { FACT_KINDS, type FactName } from '../../rules/types.ts';
import { EARLIEST_LISTING_YEAR, factProblem, MAX_YEARS_WITHOUT_REPORT } from '../../rules/validate.ts';

export const MAX_TEXT = 10_000;
const MAX_CHOICE_ID = 64;
const MAX_FIELD = 200;

export class BadRequest extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseTurn(body: unknown): { text: string } | { choiceId: string } {
  if (!isObject(body)) {
    throw new BadRequest(
      'bad_body',
      '请求体应为 JSON 对象 / the body must be a JSON object like {"text": "…"}',
    );
  }
  const { text, choiceId } = body;
  if (typeof choiceId === 'string' && text === undefined) {
    if (!choiceId || choiceId.length > MAX_CHOICE_ID) {
      throw new BadRequest(
        'bad_choice',
        `choiceId 应为 1–${MAX_CHOICE_ID} 个字符 / choiceId must be 1–${MAX_CHOICE_ID} characters`,
      );
    }
    return { choiceId };
  }
  if (typeof text === 'string' && choiceId === undefined) {
    if (text.length > MAX_TEXT) {
      throw new BadRequest(
        'text_too_long',
        `文字过长（${text.length} 字），每次最多 ${MAX_TEXT} 字，请分段输入 / text is ${text.length} characters; the limit is ${MAX_TEXT}, send it in parts`,
      );
    }
    if (!text.trim())
      throw new BadRequest('empty_text', '文字为空 / text is empty: type what the caller said');
    return { text };
  }
  throw new BadRequest(
    'bad_turn',
    '请提供 text（来电人说的话）或 choiceId（所选按钮）二者之一 / send exactly one of {"text": "…"} or {"choiceId": "…"}',
  );
}

/** Chinese labels of a fact and its answer options (the page's meta), so staff never see internal names. */
export interface FactLabels {
  name: string;
  label: string;
  options?: { value: string | boolean; label: string }[];
}

/** The engine's own check (rules/validate.ts), with a Chinese lead for staff; the English follows. */
function factProblemText(name: FactName, value: unknown, now: Date, labels?: FactLabels): string | null {
  const english = factProblem(name, value, now);
  if (!english) return null;
  const spec = FACT_KINDS[name];
  const shown = labels ? `「${labels.label}」` : name;
  const option = (v: string) => labels?.options?.find((o) => o.value === v)?.label ?? v;
  const chinese =
    spec.kind === 'boolean'
      ? `${shown}应为“是”或“否”`
      : spec.kind === 'enum'
        ? `${shown}应为 ${spec.values.map(option).join('、')} 之一`
        : spec.kind === 'year'
          ? `${shown}应为 ${EARLIEST_LISTING_YEAR}–${now.getFullYear()} 之间的年份`
          : spec.kind === 'count'
            ? `${shown}应为 0–${MAX_YEARS_WITHOUT_REPORT} 的整数`
            : spec.kind === 'amount'
              ? `${shown}应为以元计的金额，如 20000`
              : `${shown}应为 YYYY-MM-DD 格式的日期，如 2026-03-15`;
  return `${chinese} / ${english}`;
}

/**
 * null means "unknown again" (the page's 「未知」 option) and is passed on: the engine clears the fact.
 * The limits are the engine's (factProblem), so the page and the chat accept the same values.
 */
export function parseFacts(
  body: unknown,
  now: Date = new Date(),
  labels: readonly FactLabels[] = [],
): Record<string, unknown> {
  if (!isObject(body)) {
    throw new BadRequest(
      'bad_body',
      '请求体应为事实对象 / the body must be a JSON object of facts, e.g. {"listed": true}',
    );
  }
  const problems: string[] = [];
  // No prototype: a key such as "__proto__" must stay a key, never become one.
  const out: Record<string, unknown> = Object.create(null);
  for (const [name, value] of Object.entries(body)) {
    // Own keys only: "constructor" or "__proto__" are found on every object's prototype.
    if (!Object.hasOwn(FACT_KINDS, name)) {
      problems.push(`未知事实 ${name} / unknown fact "${name}"`);
      continue;
    }
    if (value !== null) {
      const problem = factProblemText(
        name as FactName,
        value,
        now,
        labels.find((l) => l.name === name),
      );
      if (problem) {
        problems.push(problem);
        continue;
      }
    }
    out[name] = value;
  }
  if (problems.length) throw new BadRequest('bad_facts', problems.join('；'));
  return { ...out };
}

export function parseDraftFields(body: unknown, allowed: readonly string[]): Record<string, string> {
  if (!isObject(body)) {
    throw new BadRequest(
      'bad_body',
      '请求体应为 JSON 对象 / the body must be a JSON object like {"name": "…"}',
    );
  }
  const problems: string[] = [];
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    if (!allowed.includes(name)) {
      problems.push(`未知字段 ${name} / unknown field "${name}" (allowed: ${allowed.join(', ')})`);
    } else if (value !== null && typeof value !== 'string') {
      problems.push(`${name} 应为文字 / ${name} must be a string`);
    } else if (typeof value === 'string' && value.length > MAX_FIELD) {
      problems.push(`${name} 超过 ${MAX_FIELD} 字 / ${name} is longer than ${MAX_FIELD} characters`);
    } else if (typeof value === 'string' && value.trim()) {
      out[name] = value.trim();
    }
  }
  if (problems.length) throw new BadRequest('bad_fields', problems.join('；'));
  return out;
}
