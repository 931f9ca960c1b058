// The console's case records live in the database (dialogs/storage): the same one as the engine's
// sessions, so a turn's session, case record and audit rows are committed together. This module
// only finds that storage for the web app.
import type { Logger } from '../../dialogs/log.ts';
import type { Session } from '../../dialogs/session.ts';
import { type CaseStore, openStorage, type Storage, storageOf } from '../../dialogs/storage/index.ts';
import type { Store } from '../../dialogs/store.ts';
import type { Engine } from '../../dialogs/types.ts';

export type {
  AuditEntry,
  CasePage,
  CasePatch,
  CaseQuery,
  CaseRecord,
  CaseStats,
  CaseStatus,
  CaseStore,
} from '../../dialogs/storage/index.ts';
export {
  CASE_ID_PATTERN,
  CASE_STATUSES,
  chinaDay,
  DEFAULT_TTL_DAYS,
  ttlMsFromEnv,
  withActor,
} from '../../dialogs/storage/index.ts';

export interface CaseIndex {
  cases: CaseStore;
  /**
   * true when the engine's own store writes the case records in each turn's transaction; false for
   * an engine with another store (a test double, lowdb): the app then records route and buttons itself
   */
  inTurn: boolean;
  storage: Storage;
  /** closes the database only when the app opened it itself */
  close(): Promise<void>;
}

/**
 * The engine's storage when it has one; otherwise a database of the app's own (the SQLite file in
 * `dataDir`, or in memory when `dataDir` is null).
 */
export async function openCaseIndex(
  engine: Engine,
  dataDir: string | null,
  opts: { env?: NodeJS.ProcessEnv; now?: () => Date; log?: Pick<Logger, 'info' | 'error' | 'warn'> } = {},
): Promise<CaseIndex> {
  const shared = storageOf((engine as { store?: Store<Session> }).store);
  if (shared) return { cases: shared.cases, inTurn: true, storage: shared, close: async () => {} };
  const storage = await openStorage({
    dataDir,
    ...(opts.env && { env: opts.env }),
    ...(opts.now && { now: opts.now }),
    ...(opts.log && { log: opts.log }),
  });
  return { cases: storage.cases, inTurn: false, storage, close: () => storage.close() };
}
