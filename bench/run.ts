// `npm run bench`: prints one JSON object per figure. Needs an OS keychain (Secret Service).
import { cpus, totalmem } from 'node:os';
import { replicaBench } from './replica-bench';
import { serverBench } from './server-bench';

const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
for (const bench of [replicaBench, serverBench]) {
  for (const figure of await bench()) console.log(JSON.stringify({ ...figure, machine }));
}
