import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import * as XLSX from 'xlsx';
import { newId } from '../shared/ids';
import type { Cell } from '../shared/import/types';
import { autoMap, planImport } from '../shared/import';
import { commitRows, type CommitDeps } from '../src-main/core/import/import-committer';
import { replicaImportCatalog } from '../src-main/core/import/import-catalog';
import { ImportRecords } from '../src-main/core/import/import-records';
import { readSpreadsheet } from '../src-main/core/import/read/read-spreadsheet';
import { BUNDLED_WORKER_FILE, type WorkerTarget } from '../src-main/core/import/read/worker-url';
import { SheetAnalyzer } from '../src-main/core/import/sheet-analyzer';
import { validateSheet } from '../src-main/core/import/validate-sheet';
import { OsKeychain } from '../src-main/core/keystore/os-keychain';
import { openReplica, replicaKeyName, type Replica } from '../src-main/core/replica/open-replica';
import { ReplicaWriter } from '../src-main/core/replica/replica-writer';
import { SyncStore } from '../src-main/core/sync/sync-store';
import type { Figure } from './measure';

const who = { companyId: newId(), userId: newId() };
const HEADER = ['NDC', 'Product name', 'Lot', 'Expiry', 'Qty', 'Bin'];
const NDCS = Array.from({ length: 300 }, (_, i) => `${String(10_000 + i).padStart(5, '0')}-${String(1_000 + (i % 9_000)).padStart(4, '0')}-${String(i % 100).padStart(2, '0')}`);

/** A supplier stock sheet: 300 products, unique lots, US dates, 40 bins. */
function sheetRow(i: number): (string | number)[] {
  const month = (i % 12) + 1;
  return [NDCS[i % NDCS.length]!, `Product ${i % NDCS.length} 10 mg tablet`, `LOT${String(i).padStart(7, '0')}`, `${String(month).padStart(2, '0')}/28/${2028 + (i % 5)}`, 1 + (i % 500), `R${i % 40}-S${i % 7}`];
}

async function writeCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${HEADER.join(',')}\n`);
  for (let i = 0; i < rows; i += 1) {
    if (!out.write(`${sheetRow(i).join(',')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function writeXlsx(file: string, rows: number): void {
  const data = [HEADER, ...Array.from({ length: rows }, (_, i) => sheetRow(i))];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(data, { dense: true } as XLSX.AOA2SheetOpts), 'Stock');
  writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }));
}

/**
 * The reader thread the app ships (electron-vite's out/main/import-read-worker.js), built first if
 * missing: run from source, each read would also time tsx compiling TypeScript in a fresh thread.
 */
function shippedReader(): WorkerTarget {
  const url = new URL(`../out/main/${BUNDLED_WORKER_FILE}`, import.meta.url);
  if (!existsSync(url)) {
    console.error('bench import: building the app (npx electron-vite build) for its reader thread…');
    const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' });
    if (build.status !== 0 || !existsSync(url)) throw new Error('the app build failed; the import benchmark needs out/main/import-read-worker.js');
  }
  return { url, execArgv: [] };
}

interface Harness {
  replica: Replica;
  deps: CommitDeps;
  records: ImportRecords;
  close(): void;
}

function harness(dir: string, keys: OsKeychain, name: string): Harness {
  const file = join(dir, `${name}.db`);
  const replica = openReplica({ file, keyStore: keys });
  const deps: CommitDeps = { db: replica.db, writer: new ReplicaWriter(replica), store: new SyncStore(replica.db), now: () => new Date() };
  return {
    replica,
    deps,
    records: new ImportRecords(replica.db),
    close: () => {
      replica.close();
      keys.delete(replicaKeyName(file));
    },
  };
}

function beginRecord(h: Harness, importId: string, fileName: string): void {
  h.records.begin({ id: importId, companyId: who.companyId, fileName, fileSha256: '-', fileBytes: 0, format: 'csv', sheet: null, headerRow: 1, mapping: [], mappingPath: 'deterministic', mode: 'valid-only', rowsTotal: 0, rowsValid: 0, rowsInvalid: 0, createdBy: who.userId, createdAt: new Date().toISOString() });
}

/**
 * The desktop path, timed end to end: read in the worker → header + profile → map → plan →
 * validate every row → commit as receive movements through the outbox into the encrypted replica.
 */
async function fullImport(h: Harness, file: string, worker: WorkerTarget): Promise<{ ms: number; readyMs: number; imported: number }> {
  const start = performance.now();
  const rows: Cell[][] = [];
  const meta = await readSpreadsheet(file, { worker, onRows: (batch) => void rows.push(...batch) });
  const analyzer = new SheetAnalyzer();
  analyzer.add(rows);
  const analysis = analyzer.finish();
  const mapping = autoMap(analysis.headers, analysis.profiles);
  const plan = planImport(mapping, analysis.profiles, { today: '2026-11-22', dateSystem: meta.dateSystem });
  const validation = validateSheet(rows, analysis.headerIndex, plan, replicaImportCatalog(h.deps.db, who.companyId), new Map());
  const importId = newId();
  beginRecord(h, importId, file);
  const valid = validation.rows.filter((r) => r !== null);
  const readyMs = performance.now() - start;
  const result = await commitRows(h.deps, { importId, mode: 'valid-only', warehouse: 'Main', session: who }, [valid]);
  return { ms: performance.now() - start, readyMs, imported: result.imported };
}

/** papaparse streaming the file from disk, as the import's reader does (its own fair baseline). */
async function papaparseStreaming(file: string): Promise<number> {
  const start = performance.now();
  await new Promise<void>((resolve, reject) => {
    Papa.parse(createReadStream(file, 'utf8') as unknown as File, { step: () => undefined, complete: () => resolve(), error: reject });
  });
  return performance.now() - start;
}

/** papaparse over the file read whole into a string: its fastest path. */
function papaparseAlone(file: string): number {
  const start = performance.now();
  const text = readFileSync(file, 'utf8');
  let n = 0;
  Papa.parse<string[]>(text, { step: () => void (n += 1) });
  return performance.now() - start;
}

const round = (n: number) => Math.round(n);

/** Issue 4's targets: 100k CSV ≤ 1.5 s and ≤ 3× papaparse; 100k XLSX ≤ 6 s; 1M CSV with peak RSS ≤ 400 MB. */
export async function importBench(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-import-bench-'));
  const keys = new OsKeychain(`atlas-bench-${process.pid}`);
  keys.probe();
  const figures: Figure[] = [];
  const worker = shippedReader();
  try {
    // In a process of its own: the figure is the streamed import's own peak RSS (maxRSS).
    const big = join(dir, 'stock-1m.csv');
    await writeCsv(big, 1_000_000);
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./import-stream-child.ts', import.meta.url)), big, dir, `atlas-bench-stream-${process.pid}`], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`the streamed import failed: ${child.stderr}`);
    const streamed = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as { ms: number; imported: number; maxRssMb: number };
    if (streamed.imported !== 1_000_000) throw new Error(`imported ${streamed.imported} of 1,000,000 rows`);
    figures.push({ name: 'import.csv_1m_streamed (peak RSS of its process)', unit: 'ms', runs: 1, median: round(streamed.ms), p95: round(streamed.ms), peakRssMb: round(streamed.maxRssMb) } as Figure);
    rmSync(big);

    const csv = join(dir, 'stock-100k.csv');
    await writeCsv(csv, 100_000);
    const papa = Math.min(papaparseAlone(csv), papaparseAlone(csv), papaparseAlone(csv));
    const papaStream = Math.min(await papaparseStreaming(csv), await papaparseStreaming(csv), await papaparseStreaming(csv));
    const runs: { ms: number; readyMs: number }[] = [];
    for (let run = 0; run < 3; run += 1) {
      const h = harness(dir, keys, `csv-${run}`);
      const r = await fullImport(h, csv, worker);
      if (r.imported !== 100_000) throw new Error(`imported ${r.imported} of 100,000 rows`);
      runs.push(r);
      h.close();
    }
    runs.sort((a, b) => a.ms - b.ms);
    const median = runs[1] ?? { ms: NaN, readyMs: NaN };
    const ratio = (ms: number) => Math.round((ms / papa) * 10) / 10;
    figures.push({
      name: 'import.csv_100k_ms (read+map+validate+commit into the encrypted replica)',
      unit: 'ms',
      runs: 3,
      median: round(median.ms),
      p95: round(runs[2]?.ms ?? NaN),
      papaparseMs: round(papa),
      papaparseStreamingMs: round(papaStream),
      ratio: ratio(median.ms),
      // The split: up to "ready to commit" (worker read, header, profile, map, validate), then the commit.
      readyMs: round(median.readyMs),
      readyRatio: ratio(median.readyMs),
      commitMs: round(median.ms - median.readyMs),
    } as Figure);

    const xlsx = join(dir, 'stock-100k.xlsx');
    writeXlsx(xlsx, 100_000);
    const hx = harness(dir, keys, 'xlsx');
    const rx = await fullImport(hx, xlsx, worker);
    hx.close();
    figures.push({ name: 'import.xlsx_100k_ms', unit: 'ms', runs: 1, median: round(rx.ms), p95: round(rx.ms) });

  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
