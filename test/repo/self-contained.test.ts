// A clone of the repository alone installs, runs and passes its tests: nothing tracked may point
// at files outside it, and every installed package must support the Node versions `engines` names.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
  return out.split('\0').filter((f) => f && f !== 'package-lock.json' && existsSync(`${root}${f}`));
}

describe('the repository stands alone', () => {
  it('no tracked file refers to a folder beside the repository', () => {
    // built from parts so this file does not match itself
    const outside = ['..', 'shared'].join('/');
    const offenders = trackedFiles().filter((f) => readFileSync(`${root}${f}`, 'latin1').includes(outside));
    expect(offenders).toEqual([]);
  });

  it('the contract, the policy text and the public evaluation samples are in the repository', () => {
    for (const f of [
      'docs/domain.md',
      'docs/policy/tongcheng-credit-plan-2023.txt',
      'test/fixtures/eval-dev/utterances.jsonl',
      'test/fixtures/eval-dev/scenarios.jsonl',
      'test/fixtures/eval-dev/conversations.jsonl',
      'test/fixtures/eval-dev/penalty-scenarios.jsonl',
    ])
      expect(existsSync(`${root}${f}`), f).toBe(true);
  });

  it('every locked package supports the oldest Node version the project declares', () => {
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
    const oldest = semver.minVersion(pkg.engines.node)?.version;
    expect(oldest).toBeDefined();
    const nvmrc = readFileSync(`${root}.nvmrc`, 'utf8').trim();
    expect(semver.satisfies(semver.coerce(nvmrc)?.version ?? '', pkg.engines.node)).toBe(true);
    const lock = JSON.parse(readFileSync(`${root}package-lock.json`, 'utf8'));
    const node20 = semver.coerce(nvmrc)?.version ?? '20.0.0';
    const tooNew = Object.entries(lock.packages as Record<string, { engines?: { node?: string } }>)
      .filter(([path, p]) => path && typeof p.engines?.node === 'string')
      // the latest 20.x release stands for "Node 20": a range such as ^20.19 is fine
      .filter(
        ([, p]) =>
          !semver.satisfies('20.99.0', p.engines?.node as string) &&
          !semver.satisfies(node20, p.engines?.node as string),
      )
      .map(([path, p]) => `${path} (${p.engines?.node})`);
    expect(tooNew).toEqual([]);
  });
});
