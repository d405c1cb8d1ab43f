import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { z } from 'zod';
import { AppError, isAppError } from '../../../shared/errors';
import { importCatalogOf } from '../../../shared/import';
import { checkFile, dryRunReport, type FileCheck } from '../../../src-main/core/import/file-import';
import { importTargetSchema, type DateOrder, type ImportTarget } from '../../../shared/import/types';
import { analyseFile } from '../../../src-main/core/import/stream-import';
import { loadDesktopConfig } from '../../../src-main/core/config';
import { createDesktopCore } from '../../../src-main/core/create-desktop-core';

/** Exit statuses: 0 all good, 1 rows or columns need attention (nothing partial was imported), 2 unreadable file. */
const UNREADABLE = 2;
const UNREADABLE_CODES = new Set(['import/unreadable-file', 'import/file-too-large', 'import/too-many-rows', 'import/too-many-columns', 'import/cell-too-long', 'import/parse-timeout', 'import/encrypted-file', 'import/unknown-sheet']);

interface ImportOptions {
  sheet?: string;
  mapping?: string;
  dryRun?: boolean;
  json?: boolean;
  validOnly?: boolean;
  again?: boolean;
  warehouse: string;
  dateOrder: string[];
}

/**
 * `atlas import <file>`: the same import as dropping the file on the desktop window, for
 * automation. `--dry-run` needs no account; a real import goes into this computer's replica
 * (signed in through the desktop app) and syncs like any other stock work.
 */
export function importCommand(): Command {
  return new Command('import')
    .description('import stock from a CSV/TSV/XLSX/XLS file (columns mapped automatically; every cell validated)')
    .argument('<file>', 'the spreadsheet')
    .option('--sheet <name>', 'the sheet to import (default: the first one with data)')
    .option('--mapping <file>', 'JSON mapping that overrides the automatic one: {"Header": "target"|null} or [{column, target}]')
    .option('--dry-run', 'validate only; change nothing')
    .option('--json', 'print the report as JSON')
    .option('--valid-only', 'import the valid rows even if others have errors (default: all or nothing)')
    .option('--again', 'import a file already imported (same content) once more, receiving its stock a second time')
    .option('--warehouse <name>', 'warehouse for rows without a location (or with a new bin)', 'Main')
    .addOption(new Option('--date-order <column=order...>', 'day/month order of an ambiguous date column, e.g. "Expiry=DMY"').default([]))
    .action(async (path: string, opts: ImportOptions) => {
      try {
        process.exitCode = await run(path, opts);
      } catch (err) {
        if (!isAppError(err)) throw err;
        if (opts.json) console.log(JSON.stringify({ file: path, error: err.toJSON() }, null, 2));
        else console.error(`atlas import: ${err.message}`);
        process.exitCode = UNREADABLE_CODES.has(err.code) ? UNREADABLE : 1;
      }
    });
}

async function run(path: string, opts: ImportOptions): Promise<number> {
  const today = new Date().toISOString().slice(0, 10);
  // Column names in --mapping and --date-order need the headers: a quick first analysis.
  const needsHeaders = opts.mapping !== undefined || opts.dateOrder.length > 0;
  const headers = needsHeaders ? (await analyseFile(path, { sheet: opts.sheet })).analysis.headers : [];
  const overrides = opts.mapping ? readMappingFile(opts.mapping, headers) : undefined;
  const dateOrders = parseDateOrders(opts.dateOrder, headers);
  const common = { sheet: opts.sheet, overrides, dateOrders };

  if (opts.dryRun) {
    const check = await checkFile(path, importCatalogOf([]), { ...common, today });
    print(path, check, opts, null);
    return check.summary.invalid > 0 || check.missingTargets.length > 0 ? 1 : 0;
  }

  const core = createDesktopCore({ config: loadDesktopConfig(), shell: 'cli', autoSync: false });
  try {
    const outcome = await core.imports().importFile(path, { ...common, mode: opts.validOnly ? 'valid-only' : 'all-or-nothing', warehouse: opts.warehouse, again: opts.again, againHint: 'Add --again to do so on purpose, or undo the earlier import first.' });
    const pushed = outcome.imported ? await core.sync.now().then(
      (s) => (s.pending === 0 ? 'sent to the server' : `${s.pending} changes waiting to sync`),
      () => 'queued: they sync when this computer is next online',
    ) : null;
    // Refused for rows with errors alone: the valid ones would go in with --valid-only.
    const hint = outcome.refused === 'rows-have-errors' ? ' (--valid-only does that)' : '';
    print(path, outcome.check, opts, outcome.imported ? { ...outcome.imported, sync: pushed } : { refusal: `${outcome.refusal}${hint}` });
    return outcome.imported && outcome.imported.failed.length === 0 && outcome.check.summary.invalid === 0 ? 0 : 1;
  } finally {
    core.close();
  }
}

function print(path: string, check: FileCheck, opts: ImportOptions, outcome: Record<string, unknown> | null): void {
  const report = dryRunReport(path, check);
  if (opts.json) {
    console.log(JSON.stringify(outcome ? { ...report, outcome } : report, null, 2));
    return;
  }
  const lines = [
    `${path} — sheet ${report.sheet}, ${report.headerRow === 0 ? 'no header row (columns named by letter)' : `header on row ${report.headerRow}`}`,
    ...report.mapping.map((m) => `  ${m.header.padEnd(28)} → ${(m.target ?? '(ignored)').padEnd(15)} ${Math.round(m.confidence * 100)}%  ${m.reason}`),
    `rows: ${report.rows.total} (${report.rows.valid} valid, ${report.rows.invalid} with errors); quality ${check.summary.quality}/100`,
    ...report.errors.slice(0, 50).map((e) => `  ${e.message} [${e.code}]`),
    ...(report.errors.length > 50 ? [`  … and ${report.errors.length - 50} more errors (use --json for all)`] : []),
  ];
  if (outcome && 'refusal' in outcome) lines.push(`Nothing imported: ${outcome.refusal}`);
  else if (outcome) lines.push(`Imported ${outcome.imported} rows (${outcome.skipped} with quantity 0 skipped, ${(outcome.failed as unknown[]).length} refused); ${outcome.sync}. Import id ${outcome.importId}.`);
  console.log(lines.join('\n'));
}

const mappingFile = z.union([
  z.record(z.string(), importTargetSchema.nullable()),
  z.array(z.object({ column: z.union([z.number().int().nonnegative(), z.string()]).optional(), header: z.string().optional(), target: importTargetSchema.nullable() })),
]);

/** A mapping file names columns by header (as in the file) or 0-based index; unknown ones are an error. */
function readMappingFile(file: string, headers: string[]): Map<number, ImportTarget | null> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AppError('validation/invalid-input', `The mapping file ${file} is not readable JSON: ${(err as Error).message}`);
  }
  const parsed = mappingFile.safeParse(raw);
  if (!parsed.success) throw new AppError('validation/invalid-input', `The mapping file ${file} is not a mapping: ${parsed.error.issues[0]?.message ?? 'bad shape'}.`);
  const entries = Array.isArray(parsed.data)
    ? parsed.data.map((e) => [e.column ?? e.header ?? '', e.target] as const)
    : Object.entries(parsed.data);
  return new Map(entries.map(([column, target]) => [columnIndex(column, headers, file), target]));
}

function parseDateOrders(specs: string[], headers: string[]): Record<number, DateOrder> {
  const out: Record<number, DateOrder> = {};
  for (const spec of specs) {
    const m = /^(.+)=(MDY|DMY|YMD)$/i.exec(spec);
    if (!m) throw new AppError('validation/invalid-input', `--date-order "${spec}" should look like "Expiry=DMY" (MDY, DMY or YMD).`);
    out[columnIndex(m[1] ?? '', headers, '--date-order')] = (m[2] ?? '').toUpperCase() as DateOrder;
  }
  return out;
}

function columnIndex(column: string | number, headers: string[], where: string): number {
  if (typeof column === 'number' || /^\d+$/.test(column)) return Number(column);
  const i = headers.findIndex((h) => h.trim().toLowerCase() === column.trim().toLowerCase());
  if (i < 0) throw new AppError('validation/invalid-input', `${where}: no column is headed "${column}" (columns: ${headers.join(', ')}).`);
  return i;
}
