// The web console checks facts exactly as the engine does (rules/validate.ts), and prototype keys are
// unknown facts, not accepted ones.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp } from '../../bots/web/server.ts';
import { BadRequest, parseFacts } from '../../bots/web/validate.ts';
import { validateFacts } from '../../rules/validate.ts';
import { createFakeEngine } from './fake-engine.ts';

const TOKEN = 'test-token-0123456789abcdef-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
const NOW = new Date('2026-06-01T04:00:00Z');
let dir: string;
let app: FastifyInstance;
let caseId: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'web-validate-'));
  app = await buildWebApp(
    createFakeEngine(),
    { CREDIT_BOT_STAFF_TOKEN: TOKEN, CREDIT_BOT_STAFF_SHARED_DESK: '1' },
    { dataDir: dir, now: () => NOW },
  );
  caseId = (await app.inject({ method: 'POST', url: '/api/cases', headers: auth })).json().caseId;
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

const put = (payload: string) =>
  app.inject({
    method: 'PUT',
    url: `/api/cases/${caseId}/facts`,
    headers: { ...auth, 'content-type': 'application/json' },
    payload,
  });

describe('web fact validation', () => {
  it('treats prototype keys as unknown facts', () => {
    for (const raw of ['{"__proto__":{"listed":true}}', '{"constructor":1}', '{"toString":"x"}']) {
      const body = JSON.parse(raw);
      expect(() => parseFacts(body, NOW), raw).toThrow(BadRequest);
      expect(() => parseFacts(body, NOW), raw).toThrow(/unknown fact/);
    }
  });

  it('answers 400 for prototype keys and for years the engine refuses', async () => {
    for (const payload of [
      '{"__proto__":{"listed":true}}',
      '{"constructor":1}',
      '{"listedYear":1985}',
      `{"listedYear":${NOW.getFullYear() + 1}}`,
    ]) {
      const res = await put(payload);
      expect(res.statusCode, payload).toBe(400);
      expect(res.json().error, payload).toMatch(/^bad_(facts|json)$/);
    }
    const ok = await put(`{"listedYear":${NOW.getFullYear()}}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().facts.listedYear).toBe(NOW.getFullYear());
  });

  it('agrees with the engine on every value and says why in Chinese and English', () => {
    const samples: Record<string, unknown[]> = {
      listedYear: [1985, 1989, 1990, 2021, NOW.getFullYear(), NOW.getFullYear() + 1, 2021.5, '2021'],
      yearsWithoutAnnualReport: [-1, 0, 3, 100, 101],
      listed: [true, 'yes', 1],
      entityType: ['individual', 'company'],
    };
    for (const [name, values] of Object.entries(samples)) {
      for (const value of values) {
        const engineOk = validateFacts({ [name]: value }, NOW).ok;
        let webOk = true;
        try {
          parseFacts({ [name]: value }, NOW);
        } catch (err) {
          webOk = false;
          expect((err as Error).message).toMatch(/应为.* \/ /);
        }
        expect(webOk, `${name}=${JSON.stringify(value)}`).toBe(engineOk);
      }
    }
  });
});
