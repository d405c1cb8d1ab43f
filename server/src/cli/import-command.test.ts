import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The real binary, as a script runs it, on the real OpenBoxes sheets (tests/fixtures/import).
const BIN = fileURLToPath(new URL('../../bin/atlas.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../../tests/fixtures/import/', import.meta.url));
const atlas = (...args: string[]) => spawnSync(process.execPath, [BIN, 'import', ...args], { encoding: 'utf8', timeout: 60_000 });
const scratch = mkdtempSync(join(tmpdir(), 'atlas-import-cli-'));

describe('atlas import --dry-run', () => {
  it('prints the report in the documented shape for a real warehouse sheet, and exits 1 for its invalid rows', () => {
    const r = atlas(join(FIXTURES, 'openboxes-chicago-warehouse.csv'), '--dry-run', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as Record<string, unknown> & { mapping: { header: string; target: string | null }[]; errors: { row: number; column: string | null; code: string; message: string }[] };
    expect(Object.keys(report)).toEqual(['file', 'sheet', 'headerRow', 'mapping', 'rows', 'errors', 'sample']);
    expect(report.headerRow).toBe(1);
    expect(report.mapping.map((m) => [m.header, m.target])).toEqual([
      ['Product code', 'productCode'],
      ['Product name', 'productName'],
      ['Lot number', 'lot'],
      ['Expiration date', 'expiry'],
      ['Bin location', 'location'],
      ['OB QOH', null],
      ['Physical QOH', 'quantity'],
      ['Comment', 'notes'],
    ]);
    // No catalog in a dry run without an account: these products have no NDC to be created from.
    expect(report.errors.some((e) => e.code === 'unknown-product' && /add its NDC to create it/.test(e.message))).toBe(true);
    expect(report.errors.every((e) => e.row >= 2 && typeof e.message === 'string')).toBe(true);
  });

  it('validates a clean file: all rows valid, exit 0, a normalised sample', () => {
    const file = join(scratch, 'clean.csv');
    writeFileSync(file, 'NDC;Bezeichnung;Charge;Verfall;Menge\n67457-153-03;Oxaliplatin 50 mg;CH1;31.01.2028;1.200\n0378-1800-01;Levothyroxin 25 µg;CH2;15.02.2028;40\n');
    const r = atlas(file, '--dry-run', '--json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.rows).toEqual({ total: 2, valid: 2, invalid: 0 });
    expect(report.sample[0]).toMatchObject({ row: 2, ndc11: '67457015303', lotNumber: 'CH1', expiry: '2028-01-31', quantity: 1200 });
  });

  it('takes a mapping file and a date order for an ambiguous column', () => {
    const file = join(scratch, 'ambiguous.csv');
    writeFileSync(file, 'NDC,Name,Batch,Use before,Pieces,Internal\n67457-153-03,Oxaliplatin,B1,03/04/2028,5,x\n67457-153-03,Oxaliplatin,B2,05/06/2028,5,y\n');
    const mapping = join(scratch, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ 'Use before': 'expiry', Pieces: 'quantity', Internal: null }));
    const asked = JSON.parse(atlas(file, '--dry-run', '--json', '--mapping', mapping).stdout);
    expect(asked.errors.map((e: { code: string }) => e.code)).toEqual(['ambiguous-date', 'ambiguous-date']);
    const r = atlas(file, '--dry-run', '--json', '--mapping', mapping, '--date-order', 'Use before=DMY');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.mapping.find((m: { header: string }) => m.header === 'Use before')).toMatchObject({ target: 'expiry', confidence: 1, reason: 'from the mapping file' });
    expect(report.sample.map((s: { expiry: string }) => s.expiry)).toEqual(['2028-04-03', '2028-06-05']);
  });

  it('exits 2 with a clear message for a file it cannot read', () => {
    const file = join(scratch, 'export.xls');
    writeFileSync(file, '<html><body><table><tr><td>Lot</td></tr></table></body></html>');
    const r = atlas(file, '--dry-run');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^atlas import: .*web page/);
    const missing = atlas(join(scratch, 'nope.csv'), '--dry-run', '--json');
    expect(missing.status).toBe(2);
    expect(JSON.parse(missing.stdout).error.code).toBe('import/unreadable-file');
  });

  it('refuses a mapping file that names a column the file does not have', () => {
    const mapping = join(scratch, 'bad-mapping.json');
    writeFileSync(mapping, JSON.stringify({ Verfallsdatum: 'expiry' }));
    const r = atlas(join(FIXTURES, 'openboxes-boston-warehouse.csv'), '--dry-run', '--mapping', mapping);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no column is headed "Verfallsdatum"');
  });
});
