// Child process for the kill -9 test: rewrites the same sessions in a loop through a store with a
// tiny flush delay and reports each completed flush on stdout ("flushed <n>"), until it is killed.
import { silentLogger } from '../../dialogs/log.ts';
import { dirStore, lowdbStore } from '../../dialogs/store.ts';

const [dir = '', kind = 'lowdb'] = process.argv.slice(2);
const store =
  kind === 'files'
    ? dirStore<{ n: number; pad: string }>({ dir, log: silentLogger, flushMs: 1 })
    : lowdbStore<{ n: number; pad: string }>({ dir, log: silentLogger, flushMs: 1 });

const KEYS = 40;
const pad = '信用修复'.repeat(500);
for (let n = 1; ; n++) {
  for (let k = 0; k < KEYS; k++) await store.write(`telegram:${k}:${k}`, { n, pad });
  await store.flush();
  process.stdout.write(`flushed ${n}\n`);
}
