// What the web console needs from the engine and the draft renderer. The engine adds getCase/setFacts
// to the channel-free Engine of dialogs/types.ts; drafts come from knowledge/drafts/.
import type { CaseView, Engine, SessionKey } from '../../dialogs/types.ts';

export type { CaseView } from '../../dialogs/types.ts';

export interface CaseEngine extends Engine {
  getCase(key: SessionKey): Promise<CaseView>;
  /** validates; throws an Error listing the problems for invalid facts; a null value clears a fact */
  setFacts(key: SessionKey, facts: Record<string, unknown>): Promise<CaseView>;
  /** the engine's drafting gate and renderer (dialogs/flows/draft.ts), the same for every channel */
  draftDocument: FullEngine['draftDocument'];
  setDraftFields: FullEngine['setDraftFields'];
}

import type { FullEngine } from '../../dialogs/engine.ts';
import type { DraftFormat, RenderedDraft } from '../../knowledge/drafts/render.ts';

export type { DraftFormat, RenderedDraft };

/** Problems with draft data, each naming its field; thrown by renderDraft (DraftDataError). */
export interface DraftProblems {
  problems: { field: string; message: string }[];
}
