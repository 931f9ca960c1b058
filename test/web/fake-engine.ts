// A scripted stand-in for dialogs/engine.ts with getCase/setFacts, so the console's tests do not
// depend on the real NLU. It understands just enough of one call (个体户, 年报, a year, 已交).

import type { CaseEngine, CaseView } from '../../bots/web/types.ts';
import { draftGate, renderCaseDraft, withDraftFields } from '../../dialogs/flows/draft.ts';
import { newSession } from '../../dialogs/session.ts';
import type { SessionKey, Turn, TurnResult } from '../../dialogs/types.ts';
import type { Determination, Facts } from '../../rules/types.ts';

interface Session {
  facts: Facts;
  draft?: { docTypes: string[]; skipped: string[]; fields: Record<string, string | number> };
  history: { from: 'user' | 'bot'; text: string }[];
}

function evaluate(f: Facts): Determination {
  const base: Determination = {
    path: 'undetermined',
    eligible: null,
    missing: [],
    reasons: [],
    steps: [],
    documents: [],
    deadline: null,
    citations: [],
  };
  if (!f.entityType) return { ...base, missing: ['entityType'] };
  if (f.listed === undefined) return { ...base, missing: ['listed'] };
  if (f.listingReason !== 'annual_report_overdue') return { ...base, missing: ['listingReason'] };
  if (f.listedYear === undefined) return { ...base, missing: ['listedYear'] };
  if (f.entityType === 'enterprise' || f.listedYear < 2020) {
    return { ...base, path: 'standard-repair', eligible: true, citations: ['samr-credit-repair'] };
  }
  const filed = f.previousYearReportFiled;
  return {
    ...base,
    path: 'tolerant-repair-annual-report',
    eligible: filed === undefined ? null : filed,
    missing: filed === undefined ? ['previousYearReportFiled'] : [],
    reasons:
      filed === false
        ? [{ id: 'previous-year-report-not-filed', fact: 'previousYearReportFiled', met: false }]
        : [],
    steps: ['file-paper-report', 'submit-application'],
    documents: ['repair-application', 'credit-commitment'],
    deadline: { workingDays: 5, from: 'receipt' },
    citations: ['四(三)一'],
  };
}

const QUESTIONS: Partial<Record<keyof Facts, string>> = {
  entityType: '请问您是企业、个体工商户还是农民专业合作社？',
  listed: '请问现在是否已经被列入经营异常名录？',
  listingReason: '请问是因为什么原因被列入的？',
  listedYear: '请问是哪一年被列入的？',
  previousYearReportFiled: '上一年度的纸质年报已经报送并公示了吗？',
};

export function createFakeEngine(): CaseEngine & { sessions: Map<string, Session> } {
  const sessions = new Map<string, Session>();
  const keyOf = (k: SessionKey) => `${k.channel}:${k.chatId}:${k.userId}`;
  const session = (k: SessionKey) => {
    let s = sessions.get(keyOf(k));
    if (!s) {
      s = { facts: {}, history: [] };
      sessions.set(keyOf(k), s);
    }
    return s;
  };
  const view = (s: Session): CaseView => {
    const determination = evaluate(s.facts);
    const name = determination.path === 'undetermined' ? '尚未确定' : determination.path;
    return {
      facts: { ...s.facts },
      draftFields: {},
      unmetReasons: [],
      determination,
      explanation: `路径：${name}`,
      readAloud:
        determination.eligible === true
          ? '您好，您可以申请容缺修复，提交信用修复申请书和守信承诺书，5个工作日内恢复。'
          : '您好，我们还需要了解几个情况。',
      history: s.history.map((h) => ({ ...h })),
    };
  };

  return {
    sessions,
    async handle(turn: Turn): Promise<TurnResult> {
      const s = session(turn);
      const understood: Facts = {};
      const text = turn.text ?? '';
      if (turn.choiceId) {
        const pending = evaluate(s.facts).missing[0];
        if (pending && (turn.choiceId === 'yes' || turn.choiceId === 'no')) {
          (understood as Record<string, unknown>)[pending] = turn.choiceId === 'yes';
        }
        s.history.push({ from: 'user', text: turn.choiceId === 'yes' ? '是' : '否' });
      } else {
        s.history.push({ from: 'user', text });
        if (text.includes('个体')) understood.entityType = 'individual';
        if (text.includes('年报')) {
          understood.listed = true;
          understood.listingReason = 'annual_report_overdue';
        }
        const year = /(20\d\d)年/.exec(text);
        if (year?.[1]) understood.listedYear = Number(year[1]);
      }
      Object.assign(s.facts, understood);
      const det = evaluate(s.facts);
      const pending = det.missing[0];
      let reply: string;
      let choices: { id: string; label: string }[] | undefined;
      if (text.includes('说详细点')) {
        // a long answer, as the real engine's full explanations are: it must never be cut
        reply = `详细说明：${'按规定先补报年度报告，再提交申请书和承诺书。'.repeat(60)}完。`;
      } else if (text === '/start') {
        reply = '您好，我是信用修复助手。请说说您的情况。';
        choices = [{ id: 'menu-repair', label: '移出经营异常名录' }];
      } else if (pending) {
        reply = QUESTIONS[pending] ?? `请问${pending}？`;
        if (pending === 'previousYearReportFiled' || pending === 'listed') {
          choices = [
            { id: 'yes', label: '是' },
            { id: 'no', label: '否' },
          ];
        }
      } else {
        reply = `判断结果：${det.path}`;
      }
      s.history.push({ from: 'bot', text: reply });
      return {
        replies: [{ kind: 'text', text: reply, choices }],
        intent: text === '/start' ? 'smalltalk' : 'repair',
        confidence: 0.9,
        facts: understood,
        determination: det,
      };
    },
    async getCase(key) {
      return view(session(key));
    },
    async setFacts(key, facts) {
      const s = session(key);
      for (const [k, v] of Object.entries(facts)) {
        if (v === null || v === undefined) delete (s.facts as Record<string, unknown>)[k];
        else (s.facts as Record<string, unknown>)[k] = v;
      }
      return view(s);
    },
    // drafting is the engine's own gate and renderer, run on the fake's sessions
    async setDraftFields(key, fields) {
      const s = session(key);
      const real = { ...newSession(0), facts: s.facts, draft: s.draft };
      const kept = withDraftFields(real, evaluate(s.facts), fields, new Date('2026-11-26T10:00:00+08:00'));
      s.draft = { docTypes: [], skipped: [], fields: kept };
      return kept;
    },
    async draftDocument(key, docType, format) {
      const s = session(key);
      const det = evaluate(s.facts);
      const gate = draftGate(det, docType);
      if (!gate.ok) return { gate };
      const real = { ...newSession(0), facts: s.facts, draft: s.draft };
      return { gate, draft: await renderCaseDraft(real, det, docType, format, '2026-11-26') };
    },
    async forget(key) {
      sessions.delete(keyOf(key));
    },
    async close() {},
  };
}
