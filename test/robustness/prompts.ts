// Drives a real engine into every prompt a user can be looking at — main menu, each interview
// question, the result, the FAQ, each draft field, the draft confirmation, the contradiction
// question — and keeps a copy of the session there, so a test can send anything at that point.
import { createEngine, type FullEngine } from '../../dialogs/engine.ts';
import type { Logger } from '../../dialogs/log.ts';
import { type Session, waitingFor } from '../../dialogs/session.ts';
import { memoryStore, type Store } from '../../dialogs/store.ts';
import type { SessionKey, Turn } from '../../dialogs/types.ts';
import { loadKnowledge } from '../../knowledge/load.ts';
import { DOCUMENT_IDS, FACT_KINDS, type FactName } from '../../rules/types.ts';
import { FIXED_NOW } from '../dialogs/transcript.ts';

export interface Prompt {
  name: string;
  /** undefined: no session yet (first contact) */
  session: Session | undefined;
}

export interface Rig {
  engine: FullEngine;
  store: Store<Session>;
  prompts: Prompt[];
}

const sample = (fact: FactName): unknown => {
  const spec = FACT_KINDS[fact];
  if (spec.kind === 'boolean') return true;
  if (spec.kind === 'enum') return spec.values[0];
  if (spec.kind === 'year') return 2021;
  if (spec.kind === 'date') return '2025-06-30';
  if (spec.kind === 'amount') return 20_000;
  return 2;
};

/** a situation for which each document can be drafted (some documents check it first) */
const DRAFTABLE: Record<string, string> = {
  'minor-error-application':
    'entityType=enterprise listed=false errorKind=contact_info correctedAfterReminder=true intentional=false adverseImpact=false safetyRelated=false repeatedSameError=false majorImpactOrDispute=false refusedInspection=false missedCorrectionDeadline=false',
  'situation-explanation':
    'entityType=enterprise listed=false operatingAtRegisteredAddress=false reachableByOtherMeans=true otherViolations=false',
  'repair-application':
    'entityType=individual listed=true listingReason=annual_report_overdue listedYear=2021 previousYearReportFiled=true',
  'credit-commitment':
    'entityType=individual listed=true listingReason=annual_report_overdue listedYear=2021 previousYearReportFiled=true',
};

const DECIDED = [
  'entityType=individual',
  'listed=true',
  'listingReason=annual_report_overdue',
  'listedYear=2021',
  'previousYearReportFiled=true',
];

export async function buildPrompts(log: Logger): Promise<Rig> {
  const store = memoryStore<Session>();
  const engine = await createEngine({ store, log, now: () => FIXED_NOW });
  const prompts: Prompt[] = [{ name: 'first contact', session: undefined }];
  let n = 0;
  const fresh = (channel: Turn['channel'] = 'console'): SessionKey => ({
    channel,
    chatId: `build-${n}`,
    userId: `u${n++}`,
  });
  const keep = async (name: string, key: SessionKey) => {
    const s = await store.read(`${key.channel}:${key.chatId}:${key.userId}`);
    prompts.push({ name, session: structuredClone(s) });
    return s;
  };
  const send = (key: SessionKey, t: Partial<Turn>) => engine.handle({ ...key, addressed: true, ...t });

  let key = fresh();
  await send(key, { text: '/start' });
  await keep('main menu', key);

  // every interview question, reached the way a user edits an answer
  const facts = Object.keys(loadKnowledge().questions) as FactName[];
  for (const fact of facts) {
    key = fresh();
    await engine.setFacts(key, { [fact]: sample(fact) });
    await send(key, { choiceId: `e:${fact}` });
    await keep(`question ${fact}`, key);
  }
  // and the first question of each menu entry
  for (const id of ['m:repair', 'm:minor_error', 'm:address_change']) {
    key = fresh();
    await send(key, { text: '/start' });
    await send(key, { choiceId: id });
    await keep(`menu ${id}`, key);
  }

  key = fresh('staff');
  await send(key, { text: `/set ${DECIDED.join(' ')}` });
  await keep('result', key);
  await send(key, { text: '修改' });
  await keep('edit menu', key);

  key = fresh();
  await send(key, { text: '/faq' });
  await keep('faq menu', key);
  await send(key, { choiceId: 'f:documents' });
  await keep('faq answer', key);

  // drafting starts once the situation is decided: the two repair letters are offered then
  key = fresh('staff');
  await send(key, { text: `/set ${DRAFTABLE['repair-application']}` });
  await send(key, { text: '/draft' });
  await keep('draft: pick document', key);

  // every draft field of every document, then its confirmation
  for (const doc of DOCUMENT_IDS) {
    key = fresh('staff');
    if (DRAFTABLE[doc]) await send(key, { text: `/set ${DRAFTABLE[doc]}` });
    await send(key, { text: `/draft ${doc}` });
    for (let i = 0; i < 40; i++) {
      const s = await store.read(`${key.channel}:${key.chatId}:${key.userId}`);
      const p = waitingFor(s);
      if (p?.kind === 'fact') {
        // a document that checks the situation first: anything still open is 「不清楚」
        await send(key, { choiceId: 'v:?' });
        continue;
      }
      if (p?.kind === 'draft-field') await keep(`draft ${doc} field ${p.field}`, key);
      else if (p?.kind === 'draft-confirm') {
        await keep(`draft ${doc} confirmation`, key);
        break;
      } else break;
      await send(key, { text: '跳过' });
    }
  }

  key = fresh();
  await engine.setFacts(key, { entityType: 'individual', listed: true });
  await send(key, { text: '我们是有限责任公司' });
  await keep('contradiction', key);

  // a vague message gets a clarifying question when the classifier is unsure
  for (const text of ['那个', '这个怎么弄', '嗯嗯那个']) {
    key = fresh();
    await send(key, { text });
    const s = await store.read(`${key.channel}:${key.chatId}:${key.userId}`);
    if (waitingFor(s)?.kind === 'clarify') {
      await keep('clarify', key);
      break;
    }
  }

  return { engine, store, prompts };
}
