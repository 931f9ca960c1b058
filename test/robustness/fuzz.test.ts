// Random and hostile input at every prompt of every flow: the bot never throws, always answers,
// never falls into its internal-error reply, and leaves a valid session with valid facts.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../dialogs/log.ts';
import { isSession, type Session } from '../../dialogs/session.ts';
import { say } from '../../dialogs/texts.ts';
import type { Turn } from '../../dialogs/types.ts';
import { loadKnowledge } from '../../knowledge/load.ts';
import { validateFacts } from '../../rules/validate.ts';
import { FIXED_NOW } from '../dialogs/transcript.ts';
import { buildPrompts, type Prompt, type Rig } from './prompts.ts';

const HOSTILE = [
  '',
  ' ',
  '\t\n  \u3000 ',
  'x'.repeat(10_000),
  '年报'.repeat(5_000),
  '😀🙈👨‍👩‍👧‍👦🏳️‍🌈',
  'مرحبا بكم في المكتب',
  'שלום \u202e123\u202c',
  '\u0000\u0001\u0007\u001b[31m\u007f',
  '\ud800',
  'a\udc00b',
  '\ud83d',
  "'; DROP TABLE sessions; --",
  '" OR 1=1 --',
  '{{ 7*7 }}',
  '{% for x in range(99999999) %}{% endfor %}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template injection is the point
  '${process.exit(1)}',
  '`rm -rf /`',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '/set __proto__=1',
  '/set constructor=x listed=maybe',
  '/set listedYear=99999 yearsWithoutAnnualReport=-1',
  '/draft ../../etc/passwd',
  '/draft __proto__',
  '/unknown',
  '/',
  '／',
  '0',
  '99',
  '１',
  '-1',
  'NaN',
  'null',
  '返回',
  '修改',
  '跳过',
  '确认',
  '不清楚',
  '91110000600037341L',
  '13800138000',
  '2099年',
  '1900年1月1日',
];

const HOSTILE_CHOICES = [
  'e:__proto__',
  'e:constructor',
  'v:constructor',
  'v:__proto__',
  'v:',
  'v:true',
  'v:NaN',
  'w:toString',
  'g:__proto__',
  'g:',
  'd:../../x',
  'd:all',
  'k:ok',
  'k:edit',
  'x:new',
  'x:old',
  'c:__proto__',
  'f:__proto__',
  'm:__proto__',
  'a:restart',
  '::::',
  '',
];

const text = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary-ascii', maxLength: 2_500 }),
);
const choice = fc.oneof(fc.constantFrom(...HOSTILE_CHOICES), fc.string({ maxLength: 70 }));
const input = fc.oneof(
  { weight: 4, arbitrary: text.map((t) => ({ text: t })) },
  { weight: 1, arbitrary: choice.map((c) => ({ choiceId: c })) },
  { weight: 1, arbitrary: fc.record({ text, isGroup: fc.boolean() }) },
);

/** Inputs named like Object.prototype members: once crashed the engine through plain-object lookups. */
const PROTOTYPE_NAMES = [
  'e:__proto__',
  'e:constructor',
  'toString',
  'constructor',
  '__proto__',
  'valueOf',
  'hasOwnProperty',
];

describe('hostile input at every prompt', () => {
  const errors: string[] = [];
  const log = createLogger({
    level: 'error',
    destination: { write: (line: string) => void errors.push(line) } as never,
  });
  const internalError = say('internalError');
  let rig: Rig;
  let n = 0;
  beforeAll(async () => {
    rig = await buildPrompts(log);
  });

  /** Puts a copy of the prompt's session under a new key, sends `extra`, checks the outcome. */
  async function check(prompt: Prompt, extra: Partial<Turn>): Promise<void> {
    const key = { channel: 'console' as const, chatId: `fuzz-${n}`, userId: `u${n++}` };
    const id = `${key.channel}:${key.chatId}:${key.userId}`;
    if (prompt.session) await rig.store.write(id, structuredClone(prompt.session));
    const where = `${prompt.name} ← ${JSON.stringify(extra).slice(0, 60)}`;
    const result = await rig.engine.handle({ ...key, addressed: true, ...extra });
    const texts = result.replies.flatMap((r) => (r.kind === 'file' ? [] : [r.text]));
    expect(texts.join('').trim(), `no reply at ${where}`).not.toBe('');
    expect(texts, `internal error at ${where}: ${errors.at(-1)}`).not.toContain(internalError);
    // words that only show up when code prints a missing value (unless the user typed them)
    for (const bad of ['undefined', '[object ', 'NaN'])
      if (!String(extra.text ?? extra.choiceId).includes(bad))
        for (const t of texts) expect(t, `broken text at ${where}`).not.toContain(bad);
    const s = await rig.store.read(id);
    if (s === undefined) return; // /forget
    expect(isSession(s), `session shape at ${where}`).toBe(true);
    const facts = validateFacts((s as Session).facts, FIXED_NOW);
    expect(facts.ok ? [] : facts.problems, `facts at ${where}`).toEqual([]);
    expect(JSON.parse(JSON.stringify(s)), `session is plain JSON at ${where}`).toEqual(s);
  }

  it('reaches every prompt it means to test', () => {
    const names = rig.prompts.map((p) => p.name);
    for (const fact of Object.keys(loadKnowledge().questions)) expect(names).toContain(`question ${fact}`);
    for (const name of ['main menu', 'result', 'faq menu', 'contradiction', 'draft: pick document'])
      expect(names).toContain(name);
    expect(names.filter((x) => x.includes(' field ')).length).toBeGreaterThan(10);
    expect(names.filter((x) => x.endsWith(' confirmation'))).toHaveLength(4);
    expect(errors).toEqual([]);
  });

  it('answers every hostile text and button at every prompt', async () => {
    const inputs: Partial<Turn>[] = [
      ...HOSTILE.map((text) => ({ text })),
      ...HOSTILE_CHOICES.map((choiceId) => ({ choiceId })),
      { text: '/draft', isGroup: true },
    ];
    for (const prompt of rig.prompts) for (const extra of inputs) await check(prompt, extra);
    expect(errors).toEqual([]);
    // one prompt per question: the penalty and serious-list questions doubled the prompts
  }, 120_000);

  it('answers random text and buttons at every prompt', async () => {
    for (const prompt of rig.prompts) {
      await fc.assert(
        fc.asyncProperty(input, async (extra) => {
          await check(prompt, extra);
        }),
        { numRuns: 40, seed: 20261126 },
      );
    }
    expect(errors).toEqual([]);
  }, 120_000);

  it('answers input named like Object.prototype members at every prompt', async () => {
    for (const prompt of rig.prompts) {
      for (const k of PROTOTYPE_NAMES) await check(prompt, k.includes(':') ? { choiceId: k } : { text: k });
    }
    expect(errors).toEqual([]);
  });
});
