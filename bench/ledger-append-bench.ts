import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DatabaseOptions } from '../server/src/db/client';
import { migrateDatabase } from '../server/src/db/migrate';
import { companies } from '../server/src/db/schema/index';
import { LedgerStore } from '../server/src/services/ledger/ledger-store';
import { resolveServerLedgerKey } from '../server/src/services/ledger/server-ledger-key';
import { postgresUnavailableReason, startPostgres } from '../tests/integration/support/postgres';
import type { Figure } from './measure';

/** Batches of 100 (an import of signed records) and single entries (one QA op per transaction, as qa.push appends). */
const SHAPES = [
  { size: 100, count: 50, label: 'batches of 100' },
  { size: 1, count: 500, label: 'one entry per transaction' },
] as const;

/**
 * Issue 5's append target (≥ 2,000 ledger entries/s on embedded PGlite and on real Postgres):
 * transactions of N entries each, every one taking the company lock, inserting the entries and a
 * signed tree head. Each figure is entries/s per transaction: `median` the typical one, `p95` the
 * rate of the slowest 5 % (a 95th-percentile transaction time).
 */
export async function ledgerAppendBench(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-ledger-bench-'));
  const figures: Figure[] = [];
  try {
    for (const shape of SHAPES) {
      figures.push(await appendRate(`ledger.append_entries_per_s (PGlite on disk, ${shape.label})`, { pgliteDir: join(dir, `pglite-${shape.size}`), databaseUrl: undefined }, shape));
    }
    const unavailable = postgresUnavailableReason();
    if (unavailable) {
      console.warn(`[bench] ledger append on PostgreSQL skipped: ${unavailable}`);
    } else {
      const pg = await startPostgres();
      try {
        for (const shape of SHAPES) {
          figures.push(await appendRate(`ledger.append_entries_per_s (PostgreSQL, ${shape.label})`, { pgliteDir: join(dir, 'unused'), databaseUrl: pg.url }, shape));
        }
      } finally {
        await pg.stop();
      }
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function appendRate(name: string, options: DatabaseOptions, shape: (typeof SHAPES)[number]): Promise<Figure> {
  const { size: BATCH, count: BATCHES } = shape;
  const database = await openDatabase(options);
  try {
    await migrateDatabase(database);
    const store = new LedgerStore(await resolveServerLedgerKey(database.db));
    const [company] = await database.db.insert(companies).values({ name: 'Bench' }).returning({ id: companies.id });
    const companyId = company?.id ?? '';
    let seq = 0;
    const batch = () =>
      Array.from({ length: BATCH }, () => {
        seq += 1;
        return { op: 'document.approved', document: `coa-${seq}`, signer: 'a1b2 c3d4 e5f6 0718 293a 4b5c 6d7e 8f90', at: '2026-11-22T10:00:00.000Z' };
      });
    await database.db.transaction((tx) => store.appendEntries(tx, companyId, batch())); // warm-up
    const rates: number[] = [];
    for (let i = 0; i < BATCHES; i += 1) {
      const entries = batch();
      const start = performance.now();
      await database.db.transaction((tx) => store.appendEntries(tx, companyId, entries));
      rates.push((BATCH * 1000) / (performance.now() - start));
    }
    rates.sort((a, b) => b - a);
    const at = (q: number) => rates[Math.min(rates.length - 1, Math.floor(q * rates.length))] ?? NaN;
    return { name, unit: 'entries/s', runs: BATCHES, median: Math.round(at(0.5)), p95: Math.round(at(0.95)) };
  } finally {
    await database.close();
  }
}
