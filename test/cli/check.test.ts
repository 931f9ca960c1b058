// `credit-bot check` as users and outside checks run it: a real process, exit codes and output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'check-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function check(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/credit-bot.js', 'check', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CREDIT_BOT_DEBUG: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const EXAMPLE = JSON.stringify({
  entityType: 'individual',
  listed: true,
  listingReason: 'annual_report_overdue',
  listedYear: 2021,
  previousYearReportFiled: true,
});

/** Bad input: exit 2, exactly one line on stderr, nothing on stdout, no stack trace. */
function expectUsageError(r: ReturnType<typeof check>): string {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
  return lines[0] as string;
}

describe('credit-bot check', () => {
  it('valid facts → the Determination as pretty JSON', () => {
    const r = check(['--facts', EXAMPLE]);
    expect(r.code).toBe(0);
    const det = JSON.parse(r.stdout);
    expect(det).toMatchObject({
      path: 'tolerant-repair-annual-report',
      eligible: true,
      missing: [],
      documents: ['repair-application', 'credit-commitment'],
      deadline: { workingDays: 5, from: 'receipt' },
      citations: ['四(三)一'],
    });
    expect(r.stdout).toBe(`${JSON.stringify(det, null, 2)}\n`);
  });

  it('--facts-file reads the facts from a file', () => {
    const file = join(tmp, 'facts.json');
    writeFileSync(file, JSON.stringify({ entityType: 'cooperative', listed: true }));
    const r = check(['--facts-file', file]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ path: 'undetermined', eligible: null });
    expect(JSON.parse(r.stdout).missing).toContain('listingReason');
  });

  it('--explain prints the Chinese explanation of the example', () => {
    const r = check(['--explain', '--facts', EXAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('【适用途径】个体工商户、农民专业合作社年报“容缺”修复');
    expect(r.stdout).toContain('现在可以申请');
    expect(r.stdout).toContain('《信用修复申请书》');
    expect(r.stdout).toContain('《守信承诺书》');
    expect(r.stdout).toContain('5个工作日');
    expect(r.stdout).toContain('四(三)一');
  });

  it('--date adds the calendar deadline date', () => {
    const r = check(['--explain', '--date', '2026-09-28', '--facts', EXAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2026年10月10日');
  });

  it('configured jurisdiction contacts appear in --explain', () => {
    const file = join(tmp, 'jurisdiction.json');
    writeFileSync(
      file,
      JSON.stringify({
        bureau: '样例县市场监督管理局',
        region: '样例县',
        address: '样例县政务服务中心二楼',
        phone: null,
        hours: null,
        onlinePortals: [],
        calendar: {},
      }),
    );
    const r = check(['--explain', '--facts', EXAMPLE], { CREDIT_BOT_JURISDICTION: file });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('样例县市场监督管理局');
    expect(r.stdout).toContain('样例县政务服务中心二楼');
  });

  it('bad JSON → exit 2 with one line saying so', () => {
    expect(expectUsageError(check(['--facts', '{"listed": tru']))).toMatch(/--facts is not valid JSON/);
  });

  it('unknown fact → exit 2 naming it', () => {
    const line = expectUsageError(check(['--facts', '{"listed":true,"bankrupt":true}']));
    expect(line).toContain('"bankrupt"');
  });

  it('several problems are all reported, joined by "; "', () => {
    const line = expectUsageError(check(['--facts', '{"entityType":"company","listedYear":"2021"}']));
    expect(line).toMatch(/entityType: .*; listedYear: /);
  });

  it('facts that are not an object → exit 2', () => {
    expect(expectUsageError(check(['--facts', '[1,2]']))).toMatch(/JSON object/);
  });

  it('no facts, both sources, a missing file or a bad date → exit 2', () => {
    expect(expectUsageError(check([]))).toMatch(/--facts/);
    expect(expectUsageError(check(['--facts', '{}', '--facts-file', 'x.json']))).toMatch(/not both/);
    expect(expectUsageError(check(['--facts-file', join(tmp, 'nope.json')]))).toMatch(/cannot read/);
    expect(expectUsageError(check(['--facts', '{}', '--date', '2026-13-01']))).toMatch(/YYYY-MM-DD/);
  });

  it('--help describes the options in Chinese and English', () => {
    const r = check(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--facts-file');
    expect(r.stdout).toMatch(/中文说明.*Chinese explanation/);
  });
});
