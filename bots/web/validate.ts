// Request-body checks for the staff API. Messages are bilingual (中文 / English) and say how to fix.
import { FACT_KINDS } from '../../rules/types.ts';

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

const thisYear = () => new Date().getFullYear();

/** null means "unknown again" (the page's 「未知」 option) and is passed on: the engine clears the fact. */
export function parseFacts(body: unknown): Record<string, unknown> {
  if (!isObject(body)) {
    throw new BadRequest(
      'bad_body',
      '请求体应为事实对象 / the body must be a JSON object of facts, e.g. {"listed": true}',
    );
  }
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    const spec = (FACT_KINDS as Record<string, (typeof FACT_KINDS)[keyof typeof FACT_KINDS]>)[name];
    if (!spec) {
      problems.push(`未知事实 ${name} / unknown fact "${name}"`);
      continue;
    }
    if (value === null) {
      out[name] = null;
      continue;
    }
    switch (spec.kind) {
      case 'boolean':
        if (typeof value !== 'boolean')
          problems.push(`${name} 应为 true/false / ${name} must be true or false`);
        break;
      case 'year':
        if (!Number.isInteger(value) || (value as number) < 1978 || (value as number) > thisYear() + 1) {
          problems.push(
            `${name} 应为 1978–${thisYear() + 1} 的年份 / ${name} must be a year between 1978 and ${thisYear() + 1}`,
          );
        }
        break;
      case 'count':
        if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 100) {
          problems.push(`${name} 应为 0–100 的整数 / ${name} must be a whole number 0–100`);
        }
        break;
      case 'enum':
        if (typeof value !== 'string' || !(spec.values as readonly string[]).includes(value)) {
          problems.push(
            `${name} 应为 ${spec.values.join('|')} 之一 / ${name} must be one of ${spec.values.join(', ')}`,
          );
        }
        break;
    }
    out[name] = value;
  }
  if (problems.length) throw new BadRequest('bad_facts', problems.join('；'));
  return out;
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
