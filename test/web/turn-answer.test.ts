// A turn's answer over the real engine and its database: what it leaves out because the page holds it
// (the explanation when the facts stayed as they were), and that what it shows of the case is what
// reading the case afterwards shows.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp } from '../../bots/web/server.ts';
import { createEngine, type FullEngine } from '../../dialogs/engine.ts';
import { silentLogger } from '../../dialogs/log.ts';

const TOKEN = 'turn-answer-token-0123456789abcdef-0123';
const auth = { authorization: `Bearer ${TOKEN}` };
let dir: string;
let engine: FullEngine;
let app: FastifyInstance;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'turn-answer-'));
  engine = await createEngine({ dataDir: dir, log: silentLogger, purgeEveryMs: 0 });
  app = await buildWebApp(
    engine,
    { CREDIT_BOT_STAFF_TOKEN: TOKEN, CREDIT_BOT_STAFF_SHARED_DESK: '1' },
    { dataDir: dir },
  );
});

afterAll(async () => {
  await app?.close();
  await engine?.close();
  await rm(dir, { recursive: true, force: true });
});

const turn = async (id: string, body: object) => {
  const res = await app.inject({
    method: 'POST',
    url: `/api/cases/${id}/turns`,
    headers: auth,
    payload: body,
  });
  expect(res.statusCode).toBe(200);
  return res.json();
};
const read = async (id: string) =>
  (await app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: auth })).json();

describe('a turn answer over the database', () => {
  it('sends the explanation again only when the turn changed what it rests on', async () => {
    const { caseId } = (await app.inject({ method: 'POST', url: '/api/cases', headers: auth })).json();
    const told = await turn(caseId, { text: '我是个体户，2021年因为没按时报年报被列入经营异常名录了' });
    expect(told.case.explanation.length).toBeGreaterThan(50);
    const held = await read(caseId);
    expect(held.textsKey).toBe(told.case.textsKey);

    // a question about the steps leaves the facts as they were
    const asked = await turn(caseId, { text: '需要准备哪些材料' });
    expect(asked.facts).toEqual(held.facts);
    expect(asked.case).not.toHaveProperty('explanation');
    expect(asked.case).not.toHaveProperty('unmetReasons');
    expect(asked.case).not.toHaveProperty('determination');
    expect(asked.determination).toEqual(held.determination);
    expect(asked.case.textsKey).toBe(held.textsKey);
    expect(asked.case.readAloud).toBe(held.readAloud);
    expect((await read(caseId)).explanation).toBe(held.explanation);

    // a new fact: the texts come with a new key
    const answered = await turn(caseId, { text: '去年的年报已经补报了' });
    expect(answered.facts).not.toEqual(held.facts);
    expect(answered.case.textsKey).not.toBe(held.textsKey);
    expect(answered.case.explanation).toBe((await read(caseId)).explanation);
  });

  it("shows the case's buttons and typed fields as reading it afterwards does", async () => {
    const { caseId } = (await app.inject({ method: 'POST', url: '/api/cases', headers: auth })).json();
    for (const text of [
      '我是个体户，2021年因为没按时报年报被列入经营异常名录了',
      '需要准备哪些材料',
      '谢谢',
    ]) {
      const answer = await turn(caseId, { text });
      const after = await read(caseId);
      expect(answer.case.choices).toEqual(after.choices);
      expect(answer.case.draftFields).toEqual(after.draftFields);
    }
  });
});
