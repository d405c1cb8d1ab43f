// `npm run bench [-- NAME ...]`: prints one JSON object per figure. Needs an OS keychain (Secret
// Service) — run it the way tests/run.mjs runs the tests, inside a gnome-keyring session.
// Names: replica, server, sync, search, import, ledger, sync-faults (not in the default set: it runs ≥ 1,000 schedules).
import { cpus, totalmem } from 'node:os';
import { importBench } from './import-bench';
import { ledgerAppendBench } from './ledger-append-bench';
import { ledgerBench } from './ledger-bench';
import { qaPushBench } from './qa-push-bench';
import { replicaBench } from './replica-bench';
import { searchBench } from './search-bench';
import { serverBench } from './server-bench';
import { syncBench } from './sync-bench';
import { syncFaultsBench } from './sync-faults-bench';
import type { Figure } from './measure';

const benches: Record<string, () => Promise<Figure[]>> = { replica: replicaBench, server: serverBench, sync: syncBench, search: searchBench, 'sync-faults': syncFaultsBench, import: importBench, ledger: async () => [...(await ledgerBench()), ...(await ledgerAppendBench()), await qaPushBench()] };
const defaults = ['replica', 'server', 'sync', 'search'];
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : defaults;
const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
for (const name of wanted) {
  const bench = benches[name];
  if (!bench) throw new Error(`unknown benchmark '${name}' (choose from ${Object.keys(benches).join(', ')})`);
  for (const figure of await bench()) console.log(JSON.stringify({ ...figure, machine }));
}
