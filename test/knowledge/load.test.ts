// The knowledge files load, and a broken copy is rejected with the file and the field named.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KNOWLEDGE_DIR, loadKnowledge } from '../../knowledge/load.ts';

const FILES = ['labels.json', 'questions.json', 'guide.json', 'steps.json', 'reasons.json', 'faq.json'];
const dirs: string[] = [];

/** A fresh copy of the knowledge files with `edit` applied to one of them. */
// biome-ignore lint/suspicious/noExplicitAny: the edits reach into arbitrary parsed JSON
function brokenCopy(file: string, edit: (data: any) => unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
  dirs.push(dir);
  for (const f of FILES) copyFileSync(join(KNOWLEDGE_DIR, f), join(dir, f));
  const data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const edited = edit(data) ?? data;
  writeFileSync(join(dir, file), typeof edited === 'string' ? edited : JSON.stringify(edited));
  return dir;
}

function loadError(dir: string): string {
  try {
    loadKnowledge(dir);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected loadKnowledge to throw');
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('loadKnowledge', () => {
  it('loads and validates every knowledge file', () => {
    const k = loadKnowledge();
    expect(Object.keys(k.labels.facts).length).toBeGreaterThan(20);
    expect(k.faq.length).toBeGreaterThan(10);
    expect(loadKnowledge()).toBe(k);
  });

  it('an unmodified copy loads too', () => {
    const dir = brokenCopy('steps.json', () => undefined);
    expect(loadKnowledge(dir).steps['contact-bureau']).toBeTruthy();
  });

  it('names file and field for a missing fact label', () => {
    const dir = brokenCopy('labels.json', (d) => {
      delete d.facts.listedYear;
    });
    expect(loadError(dir)).toMatch(/labels\.json: facts\.listedYear:/);
  });

  it('names file and field for an unknown (orphan) key', () => {
    const dir = brokenCopy('labels.json', (d) => {
      d.paths['fast-track'] = '快速通道';
    });
    expect(loadError(dir)).toMatch(/labels\.json: paths: .*fast-track/);
  });

  it('names the question whose choices do not cover the enum', () => {
    const dir = brokenCopy('questions.json', (d) => {
      d.listingReason.choices.pop();
    });
    expect(loadError(dir)).toMatch(/questions\.json: listingReason\.choices: needs a choice for "other"/);
  });

  it('rejects choices on a typed (year) question', () => {
    const dir = brokenCopy('questions.json', (d) => {
      d.listedYear.choices = [{ value: '2021', label: '2021年' }];
    });
    expect(loadError(dir)).toMatch(/questions\.json: listedYear\.choices:/);
  });

  it('reports every problem of every file, not only the first', () => {
    const dir = brokenCopy('reasons.json', (d) => {
      d['info-corrected'].met = '';
      d['is-branch'].unmet = '';
    });
    const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8'));
    delete labels.documents['credit-commitment'];
    writeFileSync(join(dir, 'labels.json'), JSON.stringify(labels));
    const message = loadError(dir);
    expect(message).toMatch(/reasons\.json: info-corrected\.met:/);
    expect(message).toMatch(/reasons\.json: is-branch\.unmet:/);
    expect(message).toMatch(/labels\.json: documents\.credit-commitment:/);
  });

  it('names a reason the rules give that has no text', () => {
    const dir = brokenCopy('reasons.json', (d) => {
      delete d['route:standard-annual-report-before-pilot'];
    });
    expect(loadError(dir)).toMatch(/reasons\.json: route:standard-annual-report-before-pilot: missing/);
  });

  it('names a step the rules use that has no text', () => {
    const dir = brokenCopy('steps.json', (d) => {
      delete d['spot-check-marking'];
    });
    expect(loadError(dir)).toMatch(/steps\.json: spot-check-marking: missing/);
  });

  it('names an FAQ citation without a label', () => {
    const dir = brokenCopy('faq.json', (d) => {
      d[0].citations.push('九(九)');
    });
    expect(loadError(dir)).toMatch(/faq\.json: 0\.citations\.\d+: "九\(九\)" has no label/);
  });

  it('names an unknown placeholder in a guide text', () => {
    const dir = brokenCopy('guide.json', (d) => {
      d.paths['standard-repair'].whereToApply[0] = '打电话到{phone}';
    });
    expect(loadError(dir)).toMatch(
      /guide\.json: paths\.standard-repair\.whereToApply\.0: unknown placeholder \{phone\}/,
    );
  });

  it('names an unknown placeholder in a reason text (only the user’s own facts may be filled in)', () => {
    const dir = brokenCopy('reasons.json', (d) => {
      d['is-enterprise'].unmet = '{entityType}不适用，请打{phone}';
    });
    expect(loadError(dir)).toMatch(/reasons\.json: is-enterprise\.unmet: unknown placeholder \{phone\}/);
  });

  it('requires the intent FAQ entries', () => {
    const dir = brokenCopy('faq.json', (d) => d.filter((e: { id: string }) => e.id !== 'timeline'));
    expect(loadError(dir)).toMatch(/faq\.json: \(root\): needs an entry with id "timeline"/);
  });

  it('names the file that is not JSON', () => {
    const dir = brokenCopy('guide.json', () => '{ not json');
    expect(loadError(dir)).toMatch(/guide\.json: cannot read it as JSON/);
  });
});
