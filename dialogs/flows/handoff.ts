// 转人工: who to contact, from the jurisdiction's configuration (never an invented number).
import { configuredContacts } from '../../knowledge/explain.ts';
import { loadJurisdiction } from '../../knowledge/jurisdiction.ts';
import { reply } from '../context.ts';
import { say } from '../texts.ts';
import { done, type Flow } from './flow.ts';

export const handoff: Flow = {
  start(ctx) {
    const j = loadJurisdiction();
    const contact = configuredContacts(j).join('，');
    reply(
      ctx,
      contact
        ? say('handoffWithContact', { bureau: j.bureau, contact })
        : say('handoffNoContact', { bureau: j.bureau }),
    );
    return done();
  },
  accepts: () => false,
  handle: () => done(),
  resume: () => done(),
};
