// `credit-bot eval` as outside checks run it: a real process, exit codes, the JSON last line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'eval-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/credit-bot.js', 'eval', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CREDIT_BOT_DEBUG: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function lastJson(stdout: string): Record<string, number> {
  return JSON.parse(stdout.trimEnd().split('\n').at(-1) ?? '');
}

function expectUsageError(r: ReturnType<typeof run>): string {
  expect(r.code).toBe(2);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return r.stderr;
}

describe('credit-bot eval', () => {
  it('scores the dev utterances with every figure and a confusion table', () => {
    const r = run(['test/fixtures/eval-dev/utterances.jsonl', '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('confusion');
    const f = lastJson(r.stdout);
    expect(f.n).toBe(32);
    expect(Object.keys(f).sort()).toEqual(
      ['eligibleAccuracy', 'factPrecision', 'factRecall', 'intentAccuracy', 'n', 'pathAccuracy'].sort(),
    );
    expect(f.intentAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('scores a scenario file with path and eligible accuracy only', () => {
    const r = run(['test/fixtures/eval-dev/scenarios.jsonl', '--json']);
    expect(r.code).toBe(0);
    const f = lastJson(r.stdout);
    expect(Object.keys(f).sort()).toEqual(['eligibleAccuracy', 'n', 'pathAccuracy']);
    expect(f.n).toBe(12);
  });

  it('counts a wrong expectation against the figures', () => {
    const file = join(tmp, 'wrong.jsonl');
    writeFileSync(
      file,
      '{"id":"a","text":"你好","intent":"repair","facts":{"listed":true}}\n{"id":"b","text":"转人工","intent":"human","facts":{}}\n',
    );
    const r = run([file, '--json']);
    expect(r.code).toBe(0);
    expect(lastJson(r.stdout)).toMatchObject({ n: 2, intentAccuracy: 0.5, factRecall: 0, factPrecision: 1 });
    expect(r.stdout).toContain('mismatches');
  });

  it('exits 2 with a clear message for a missing file', () => {
    expect(expectUsageError(run([join(tmp, 'nope.jsonl')]))).toMatch(/file not found/);
  });

  it('exits 2 naming the line of malformed JSONL', () => {
    const file = join(tmp, 'bad.jsonl');
    writeFileSync(file, '{"text":"你好","intent":"smalltalk","facts":{}}\n\n{not json\n');
    expect(expectUsageError(run([file]))).toMatch(/line 3/);
    writeFileSync(file, '{"text":"你好","intent":"greeting","facts":{}}\n');
    expect(expectUsageError(run([file]))).toMatch(/line 1.*intent/);
    writeFileSync(file, '{"text":"你好","intent":"smalltalk","facts":{"listd":true}}\n');
    expect(expectUsageError(run([file]))).toMatch(/line 1.*facts/);
  });
  it('scores DOMAIN §4 facts only: someone asking for a relative is one of the bot’s own facts, reported apart by ask', () => {
    const file = join(tmp, 'agent.jsonl');
    const text = '帮我爸问一下 他的个体户2021年没报年报被列入经营异常了';
    writeFileSync(
      file,
      `${JSON.stringify({ text, intent: 'repair', facts: { entityType: 'individual', listed: true, listingReason: 'annual_report_overdue', listedYear: 2021 } })}\n`,
    );
    const r = run([file, '--json']);
    expect(lastJson(r.stdout)).toMatchObject({ factPrecision: 1, factRecall: 1 });
    const ask = spawnSync(process.execPath, ['bin/credit-bot.js', 'ask', text], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CREDIT_BOT_DATA_DIR: tmp },
    });
    const out = JSON.parse(ask.stdout) as {
      facts: Record<string, unknown>;
      ownFacts?: Record<string, unknown>;
    };
    expect(out.facts).not.toHaveProperty('applicantIsAgent');
    expect(out.ownFacts).toEqual({ applicantIsAgent: true });
  });
});
