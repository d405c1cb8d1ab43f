import { Command, InvalidArgumentError } from 'commander';
import { DEMO_ACCOUNT } from './demo/demo-account-defaults';
import type { DemoSeedOptions } from './demo/run-demo-seed';

const wholeNumber = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}.`);
  return n;
};

/** `atlas demo seed`: a realistic demo company on the server and in the local desktop profile. */
export function demoCommand(): Command {
  const seed = new Command('seed')
    .description('load a demo company (3 warehouses, products, lots with a spread of expiry dates, movement history) into the server and the local desktop profile')
    .option('--server <url>', 'Atlas server (default: ATLAS_SERVER_URL or http://127.0.0.1:4000; started here if nothing answers on a local address)')
    .option('--email <email>', 'demo account email', DEMO_ACCOUNT.email)
    .option('--password <password>', 'demo account password', DEMO_ACCOUNT.password)
    .option('--desktop-data <dir>', 'local desktop profile (default: ATLAS_DESKTOP_DATA or ~/.atlas/desktop)')
    .option('--keychain-service <name>', 'OS keychain service of that profile (default: ATLAS_KEYCHAIN_SERVICE or atlas)')
    .option('--products <n>', 'number of products', wholeNumber(1, 2_000), 240)
    .option('--lots <n>', 'number of lots', wholeNumber(1, 50_000), 1_200)
    .option('--seed <n>', 'random seed: the same seed gives the same company', wholeNumber(0, 2 ** 31 - 1), 1)
    .option('--again', 'the demo company exists already: add another round of lots and movements')
    .option('--json', 'print the summary as JSON on stdout (progress stays on stderr)')
    .action(async (opts: DemoSeedOptions) => {
      // Loaded here, not at start: the desktop core (SQLite, keychain) is only needed by this command.
      const { runDemoSeed } = await import('./demo/run-demo-seed');
      const { formatSummary } = await import('./demo/demo-summary');
      const summary = await runDemoSeed(opts, (line) => process.stderr.write(`${line}\n`));
      console.log(opts.json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
    });
  return new Command('demo').description('demo data for trying Atlas out').addCommand(seed);
}
