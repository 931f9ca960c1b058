import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'credit-bot-draft-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/credit-bot.js', 'draft', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const data = {
  name: '通城县某某副食店',
  creditCode: '92421222MA4C1DT5X9',
  entityType: 'individual',
  representative: '张三',
  phone: '13912345678',
  address: '湖北省咸宁市通城县隽水镇某某路1号',
  listedDate: '2021',
  path: 'tolerant-repair-annual-report',
  reportYear: 2022,
  reportFiledDate: '2023-03-15',
};

describe('credit-bot draft', () => {
  it('prints a txt draft to stdout by default, accepting the alias "application"', () => {
    const r = run('application', '--data', JSON.stringify(data));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('信用修复申请书');
    expect(r.stdout).toContain('通城县某某副食店');
    expect(r.stdout).toContain('2023年3月15日');
  });

  it('reads --data from a file and writes md to --out', () => {
    const input = join(dir, 'data.json');
    writeFileSync(input, JSON.stringify(data));
    const out = join(dir, 'c.md');
    const r = run('credit-commitment', '--data', input, '--format', 'md', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('# 守信承诺书');
  });

  it('writes a docx, using the Chinese default file name when --out is a directory', async () => {
    const r = run('repair-application', '--data', JSON.stringify(data), '--format', 'docx', '--out', dir);
    expect(r.code).toBe(0);
    const file = join(dir, '通城县某某副食店-信用修复申请书.docx');
    const zip = await JSZip.loadAsync(readFileSync(file));
    expect(await zip.file('word/document.xml')?.async('string')).toContain('92421222MA4C1DT5X9');
  });

  it('notes the fields left blank on stderr but still succeeds', () => {
    const r = run('situation-explanation', '--data', '{"name":"某某店"}');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('reasonNotAtAddress');
    expect(r.stdout).toContain('＿＿＿＿');
  });

  it('exits 2 with one line per problem, naming the field', () => {
    const r = run(
      'repair-application',
      '--data',
      JSON.stringify({ creditCode: '91110000600037341X', phone: '123', colour: 'red' }),
    );
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('creditCode');
    expect(lines[0]).toContain('没有通过校验');
    expect(lines[0]).not.toContain('「L」');
    expect(lines[1]).toContain('phone');
    expect(lines[2]).toContain('colour');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 with one line for bad JSON', () => {
    const r = run('repair-application', '--data', '{"name": ');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('not valid JSON');
  });

  it('exits 2 for an unknown document type, listing the valid ones', () => {
    const r = run('letter');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    for (const id of [
      'repair-application',
      'credit-commitment',
      'minor-error-application',
      'situation-explanation',
    ]) {
      expect(r.stderr).toContain(id);
    }
  });

  it('exits 2 for a bad format, or docx without --out', () => {
    expect(run('repair-application', '--format', 'pdf').code).toBe(2);
    const r = run('repair-application', '--format', 'docx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out');
  });
});
