import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { startServer, type RunningServer } from '../../server/src/start';
import { keychainAvailable } from '../support/keychain';
import { backends, skippedHere } from './support/backends';
import { TestDesktop } from './support/desktop';
import { startFakeAnthropic, type FakeAnthropic } from './support/fake-anthropic';

const KEY = 'sk-ant-api03-desktop-import-key-0123456789';
const FIXTURE = new URL('../fixtures/import/', import.meta.url);

/**
 * A spreadsheet import as a warehouse lead makes it, through the desktop router (the renderer's
 * view) against a real server on both databases: drop a German export whose "Ablage" column
 * the built-in rules cannot place, let Claude (a local fake Messages API, through the real SDK)
 * map it, fix a bad cell in place, commit, and see the lots arrive on a second terminal.
 */
describe.runIf(keychainAvailable).each(backends)('spreadsheet import from the desktop on $name', (backend) => {
  if (skippedHere(backend)) return;
  let server: RunningServer;
  let teardown: () => Promise<void>;
  let fake: FakeAnthropic;
  let lead: TestDesktop;
  let other: TestDesktop;

  beforeAll(async () => {
    const setup = await backend.setup();
    teardown = setup.teardown;
    fake = await startFakeAnthropic({ apiKey: KEY });
    const config = setup.config();
    server = await startServer({ ...config, ai: { ...config.ai, apiKey: KEY, baseUrl: fake.url } });
    lead = new TestDesktop(server.url);
    await lead.api.session.register.mutate({ companyName: 'Apotheke Nord GmbH', name: 'Lena Vogel', email: 'lena@apotheke-nord.example', password: 'Charge 4711 ist frei' });
    other = new TestDesktop(server.url);
    await other.api.session.signIn.mutate({ email: 'lena@apotheke-nord.example', password: 'Charge 4711 ist frei' });
  });
  afterAll(async () => {
    lead?.dispose();
    other?.dispose();
    await server?.close();
    await fake?.close();
    await teardown?.();
  });

  async function ready(id: string) {
    for (let i = 0; i < 200; i += 1) {
      const view = await lead.api.imports.view.query({ id });
      if (view.status !== 'reading' && !view.mappingPath.pending) return view;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the import never became ready');
  }

  async function until(desktop: TestDesktop, id: string, done: (view: Awaited<ReturnType<typeof desktop.api.imports.view.query>>) => boolean) {
    for (let i = 0; i < 400; i += 1) {
      const view = await desktop.api.imports.view.query({ id });
      if (done(view)) return view;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the import did not get there');
  }

  it('maps with Claude, fixes a cell in place, commits through the outbox and syncs', async () => {
    const file = join(lead.dir, 'bestand.csv');
    const lines = ['Bestandsliste Apotheke Nord;;;;;', ';;;;;', 'NDC;Bezeichnung;Charge;Verfall;Menge;Ablage'];
    for (let i = 0; i < 30; i += 1) lines.push(`${i % 2 ? '0378-1800-01' : '67457-153-03'};${i % 2 ? 'Levothyroxin 25 µg' : 'Oxaliplatin 50 mg'};CH${1000 + i};${String((i % 28) + 1).padStart(2, '0')}.0${(i % 9) + 1}.2028;${i + 1}.000;K-${i % 4}`);
    lines[10] = '67457-153-03;Oxaliplatin 50 mg;CH2000;31.02.2028;5;K-1';
    writeFileSync(file, lines.join('\r\n'), 'latin1');
    fake.script({ kind: 'tool', input: { mappings: [{ column: 5, target: 'location', confidence: 0.9, reason: '"Ablage" is where the packs are stored: a storage bin.' }] }, usage: { input_tokens: 812, output_tokens: 64 } });

    const { id } = await lead.api.imports.openPath.mutate({ path: file });
    const view = await ready(id);
    expect(view.status).toBe('ready');
    expect(view.headerRow).toBe(3);
    expect(view.file).toMatchObject({ format: 'csv', delimiter: ';', name: 'bestand.csv' });
    const target = (header: string) => view.mapping.find((m) => m.header === header)?.target;
    expect([target('NDC'), target('Bezeichnung'), target('Charge'), target('Verfall'), target('Menge'), target('Ablage')]).toEqual(['ndc', 'productName', 'lot', 'expiry', 'quantity', 'location']);
    expect(view.mappingPath).toMatchObject({ path: 'ai' });
    expect(view.mapping.find((m) => m.header === 'Ablage')).toMatchObject({ source: 'ai', reason: expect.stringContaining('storage bin') });
    // Claude saw headers and at most five samples, never the file.
    const sent = fake.requests.at(-1)?.raw ?? '';
    expect(sent).toContain('Ablage');
    expect(sent).not.toContain('CH1020');

    expect(view.summary).toMatchObject({ total: 30, valid: 29, invalid: 1 });
    const errors = await lead.api.imports.rows.query({ id, only: 'errors' });
    expect(errors.rows.map((r) => r.row)).toEqual([11]);
    expect(errors.rows[0]?.issues[0]).toMatchObject({ code: 'bad-date', severity: 'error', message: expect.stringContaining('31.02.2028') });

    const fixed = await lead.api.imports.editCell.mutate({ id, row: 11, column: 3, value: '28.02.2028' });
    expect(fixed.summary).toMatchObject({ valid: 30, invalid: 0 });
    expect((await lead.api.imports.rows.query({ id, offset: 7, limit: 1 })).rows[0]).toMatchObject({ row: 11, edited: [3], cells: expect.arrayContaining(['28.02.2028']) });

    await lead.api.imports.commit.mutate({ id, mode: 'all-or-nothing', warehouse: 'Hauptlager' });
    let done = await lead.api.imports.view.query({ id });
    for (let i = 0; i < 200 && done.status === 'committing'; i += 1) {
      await new Promise((r) => setTimeout(r, 25));
      done = await lead.api.imports.view.query({ id });
    }
    expect(done.status).toBe('committed');
    expect(done.result).toMatchObject({ imported: 30, skipped: 0, failed: [] });
    const [record] = await lead.api.imports.history.query();
    expect(record).toMatchObject({ fileName: 'bestand.csv', createdByName: 'Lena Vogel', status: 'committed', rowsImported: 30, mappingPath: 'ai', mode: 'all-or-nothing', fileSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    await lead.api.sync.now.mutate();
    await other.api.sync.now.mutate();
    const stock = (await other.api.stock.list.query({ search: 'CH1009' })).rows;
    // "10.000" is ten thousand in a German file; 10.01.2028 is day-first.
    expect(stock.find((s) => s.lotNumber === 'CH1009')).toMatchObject({ quantity: 10_000, expiry: '2028-01-10' });

    // Same header layout next time: the mapping is remembered, Claude is not asked again.
    const again = join(lead.dir, 'bestand-2.csv');
    writeFileSync(again, lines.slice(0, 5).join('\r\n'), 'latin1');
    const asked = fake.requests.length;
    const second = await ready((await lead.api.imports.openPath.mutate({ path: again })).id);
    expect(second.mappingPath.path).toBe('memory');
    expect(second.mapping.find((m) => m.header === 'Ablage')?.target).toBe('location');
    expect(fake.requests.length).toBe(asked);

    const undone = await lead.api.imports.undo.mutate({ importId: record?.id ?? '' });
    expect(undone).toEqual({ reversed: 30, partial: [], resumedAfter: 0 });
    expect((await lead.api.imports.history.query()).find((r) => r.id === record?.id)).toMatchObject({ status: 'undone', undoneByName: 'Lena Vogel' });
    await lead.api.sync.now.mutate();
    await other.api.sync.now.mutate();
    expect((await other.api.stock.list.query({ search: 'CH1009' })).rows.filter((s) => s.quantity > 0)).toEqual([]);
  });

  it('reads a file with no header row from its first row, maps it by content and does not remember the mapping', async () => {
    const file = join(lead.dir, 'export-ohne-kopf.csv');
    const rows = Array.from({ length: 12 }, (_, i) => `00093-3109-05,Amoxicillin 500 mg capsules,NK${100 + i},2029-0${(i % 9) + 1}-28,${10 * (i + 1)},R${i % 3}-S1`);
    writeFileSync(file, rows.join('\n'));
    fake.script({ kind: 'tool', input: { mappings: [{ column: 5, target: 'location', confidence: 0.8, reason: 'R0-S1 looks like a rack and shelf.' }] }, usage: { input_tokens: 500, output_tokens: 40 } });

    const { id } = await lead.api.imports.openPath.mutate({ path: file });
    const view = await ready(id);
    expect(view.headerRow).toBe(0);
    expect(view.headerReason).toContain('the file has no header row, so every row is data');
    expect(view.headers).toEqual(['Column A', 'Column B', 'Column C', 'Column D', 'Column E', 'Column F']);
    expect(view.mapping.map((m) => m.target)).toEqual(['ndc', 'productName', 'lot', 'expiry', 'quantity', 'location']);
    expect(view.summary).toMatchObject({ total: 12, valid: 12, invalid: 0 });
    expect((await lead.api.imports.rows.query({ id, limit: 1 })).rows[0]).toMatchObject({ row: 1, cells: expect.arrayContaining(['NK100']) });

    // The person can still say the first row is a header, and take it back.
    expect((await lead.api.imports.setHeaderRow.mutate({ id, headerRow: 1 })).summary).toMatchObject({ total: 11 });
    expect((await lead.api.imports.setHeaderRow.mutate({ id, headerRow: 0 })).summary).toMatchObject({ total: 12 });

    await lead.api.imports.commit.mutate({ id, mode: 'all-or-nothing', warehouse: 'Hauptlager' });
    let done = await lead.api.imports.view.query({ id });
    for (let i = 0; i < 200 && done.status === 'committing'; i += 1) {
      await new Promise((r) => setTimeout(r, 25));
      done = await lead.api.imports.view.query({ id });
    }
    expect(done.result).toMatchObject({ imported: 12, failed: [] });
    expect((await lead.api.imports.history.query())[0]).toMatchObject({ fileName: 'export-ohne-kopf.csv', headerRow: 0, rowsImported: 12 });

    // Another headerless file of the same width is mapped afresh: "Column A…F" is no layout to remember.
    const other = join(lead.dir, 'andere.csv');
    writeFileSync(other, rows.slice(0, 3).map((r) => r.split(',').reverse().join(',')).join('\n'));
    const next = await ready((await lead.api.imports.openPath.mutate({ path: other })).id);
    expect(next.mappingPath.path).not.toBe('memory');
    expect(next.mapping.find((m) => m.column === 0)?.target).not.toBe('ndc');
  });

  it('imports a file too long to preview straight from the file: refused whole under "all or nothing", valid rows under "valid only"', async () => {
    // A terminal that previews at most 100 rows; the file has 150, three of them bad.
    const small = new TestDesktop(server.url, { importPreviewRows: 100 });
    try {
      await small.api.session.signIn.mutate({ email: 'lena@apotheke-nord.example', password: 'Charge 4711 ist frei' });
      const file = join(small.dir, 'jahresinventur.csv');
      const lines = ['NDC,Produkt,Charge,Verfall,Menge'];
      // The first 30 lots expired long ago: warnings, which must not crowd the errors out of the report.
      for (let i = 1; i <= 150; i += 1) lines.push(`00093-3109-05,Amoxicillin 500 mg,JI-${i},${i % 50 === 0 ? '2029-02-30' : i <= 30 ? '2020-01-31' : '2029-03-31'},${i}`);
      writeFileSync(file, lines.join('\n'));
      const { id } = await small.api.imports.openPath.mutate({ path: file });
      const opened = await until(small, id, (v) => v.status !== 'reading');
      expect(opened).toMatchObject({ status: 'failed', tooLongToPreview: true, error: { code: 'import/too-many-rows', message: expect.stringContaining('more than 100 rows') } });

      await small.api.imports.importWithoutPreview.mutate({ id, mode: 'all-or-nothing', warehouse: 'Hauptlager' });
      const refused = await until(small, id, (v) => v.status !== 'committing');
      expect(refused.status).toBe('failed');
      expect(refused.streamed).toMatchObject({ refusal: expect.stringContaining('3 rows have errors'), summary: { total: 150, valid: 147, invalid: 3 } });
      expect(refused.streamed?.errors.map((e) => [e.row, e.column])).toEqual([
        [51, 'Verfall'],
        [101, 'Verfall'],
        [151, 'Verfall'],
      ]);
      expect((await small.api.stock.list.query({ search: 'JI-1' })).rows).toEqual([]);

      await small.api.imports.importWithoutPreview.mutate({ id, mode: 'valid-only', warehouse: 'Hauptlager' });
      const done = await until(small, id, (v) => v.status !== 'committing');
      expect(done).toMatchObject({ status: 'committed', result: { imported: 147, failed: [] }, streamed: { pass: 'commit', refusal: null } });
      const [record] = await small.api.imports.history.query();
      expect(record).toMatchObject({ fileName: 'jahresinventur.csv', status: 'committed', rowsTotal: 150, rowsInvalid: 3, rowsImported: 147, createdByName: 'Lena Vogel' });
      expect((await small.api.stock.list.query({ search: 'JI-149' })).rows[0]).toMatchObject({ quantity: 149, expiry: '2029-03-31' });
      await expect(small.api.imports.importWithoutPreview.mutate({ id, mode: 'valid-only', warehouse: 'Hauptlager' })).rejects.toMatchObject({ message: 'This import has already been committed.' });
    } finally {
      small.dispose();
    }
  });

  it('imports another sheet of a workbook too long to preview, chosen without a preview', async () => {
    const small = new TestDesktop(server.url, { importPreviewRows: 100 });
    try {
      await small.api.session.signIn.mutate({ email: 'lena@apotheke-nord.example', password: 'Charge 4711 ist frei' });
      const sheet = (prefix: string, n: number) => XLSX.utils.aoa_to_sheet([['NDC', 'Produkt', 'Charge', 'Verfall', 'Menge'], ...Array.from({ length: n }, (_, i) => ['00093-3109-05', 'Amoxicillin 500 mg', `${prefix}-${i}`, '2029-03-31', 7])]);
      const book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(book, sheet('WA', 150), 'Lager A');
      XLSX.utils.book_append_sheet(book, sheet('WB', 120), 'Lager B');
      const file = join(small.dir, 'lager.xlsx');
      writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
      const { id } = await small.api.imports.openPath.mutate({ path: file });
      const opened = await until(small, id, (v) => v.status !== 'reading');
      expect(opened).toMatchObject({ tooLongToPreview: true, file: { sheet: 'Lager A', sheets: ['Lager A', 'Lager B'] } });
      await small.api.imports.importWithoutPreview.mutate({ id, mode: 'all-or-nothing', warehouse: 'Hauptlager', sheet: 'Lager B' });
      const done = await until(small, id, (v) => v.status !== 'committing');
      expect(done).toMatchObject({ status: 'committed', result: { imported: 120 } });
      expect((await small.api.stock.list.query({ search: 'WB-119' })).rows.find((r) => r.lotNumber === 'WB-119')).toMatchObject({ quantity: 7 });
      expect((await small.api.stock.list.query({ search: 'WA-1' })).rows.filter((r) => r.lotNumber.startsWith('WA-'))).toEqual([]);

      // The same workbook again: "Lager B" is in already (refused without `again`), "Lager A" is not.
      const reopened = (await small.api.imports.openPath.mutate({ path: file })).id;
      expect((await until(small, reopened, (v) => v.status !== 'reading')).importedBefore).toEqual([expect.objectContaining({ format: 'xlsx', sheet: 'Lager B', rowsImported: 120 })]);
      await expect(small.api.imports.importWithoutPreview.mutate({ id: reopened, mode: 'all-or-nothing', warehouse: 'Hauptlager', sheet: 'Lager B' })).rejects.toMatchObject({ message: expect.stringContaining('already imported') });
      await small.api.imports.importWithoutPreview.mutate({ id: reopened, mode: 'all-or-nothing', warehouse: 'Hauptlager', sheet: 'Lager A' });
      expect(await until(small, reopened, (v) => v.status !== 'committing')).toMatchObject({ status: 'committed', result: { imported: 150 } });
    } finally {
      small.dispose();
    }
  });

  /** Signs Lena in on a terminal that previews 100 rows, and starts a streamed "valid only" import of a long CSV. */
  async function importLongFile(desktop: TestDesktop, name: string, rows: number, line: (i: number) => string): Promise<string> {
    await desktop.api.session.signIn.mutate({ email: 'lena@apotheke-nord.example', password: 'Charge 4711 ist frei' });
    const file = join(desktop.dir, name);
    writeFileSync(file, ['NDC,Produkt,Charge,Verfall,Menge', ...Array.from({ length: rows }, (_, i) => line(i))].join('\n'));
    const { id } = await desktop.api.imports.openPath.mutate({ path: file });
    await until(desktop, id, (v) => v.status !== 'reading');
    await desktop.api.imports.importWithoutPreview.mutate({ id, mode: 'valid-only', warehouse: 'Hauptlager' });
    return id;
  }

  it('undoing a large import shows how far it has got, and the app answers meanwhile', async () => {
    const small = new TestDesktop(server.url, { importPreviewRows: 100 });
    try {
      const id = await importLongFile(small, 'rueckgabe.csv', 25_000, (i) => `00093-3109-05,Amoxicillin 500 mg,UX-${i},2029-03-31,4`);
      await until(small, id, (v) => v.status !== 'committing');
      const [record] = await small.api.imports.history.query();
      const importId = record?.id ?? '';
      expect(record).toMatchObject({ status: 'committed', rowsImported: 25_000 });

      let settled = false;
      const undone = small.api.imports.undo.mutate({ importId }).finally(() => (settled = true));
      const seen: { done: number; total: number }[] = [];
      while (!settled) {
        const progress = await small.api.imports.undoProgress.query({ importId });
        if (progress) seen.push(progress);
        await new Promise((r) => setTimeout(r, 5));
      }
      expect(await undone).toEqual({ reversed: 25_000, partial: [], resumedAfter: 0 });
      // Answered between batches (10,000 rows each), not only once the undo was over.
      expect(seen.some((p) => p.done > 0 && p.done < p.total)).toBe(true);
      expect(seen.every((p) => p.total === 25_000)).toBe(true);
      expect(await small.api.imports.undoProgress.query({ importId })).toBeNull();
      expect((await small.api.imports.history.query())[0]).toMatchObject({ id: importId, status: 'undone', undoneByName: 'Lena Vogel' });
      expect((await small.api.stock.list.query({ search: 'UX-0' })).rows.filter((r) => r.lotNumber === 'UX-0')).toEqual([]);
    } finally {
      small.dispose();
    }
  });

  it('cancelling a streamed "valid only" import keeps the batches already written, recorded as interrupted', async () => {
    const small = new TestDesktop(server.url, { importPreviewRows: 100 });
    try {
      const id = await importLongFile(small, 'gross.csv', 80_000, (i) => `00093-3109-05,Amoxicillin 500 mg,GX-${i},2029-03-31,5`);
      const writing = await until(small, id, (v) => (v.commitProgress?.done ?? 0) >= 10_000 || v.status !== 'committing');
      expect(writing.status).toBe('committing');
      await small.api.imports.cancel.mutate({ id });
      const stopped = await until(small, id, (v) => v.status !== 'committing');
      expect(stopped.status).toBe('cancelled');
      const [record] = await small.api.imports.history.query();
      expect(record?.status).toBe('interrupted');
      expect(record?.rowsImported).toBeGreaterThanOrEqual(10_000);
      expect(record?.rowsImported).toBeLessThan(80_000);
      // The first rows are in stock; the last were never written.
      expect((await small.api.stock.list.query({ search: 'GX-0' })).rows.find((r) => r.lotNumber === 'GX-0')).toMatchObject({ quantity: 5 });
      expect((await small.api.stock.list.query({ search: 'GX-79999' })).rows.filter((r) => r.lotNumber === 'GX-79999')).toEqual([]);
    } finally {
      small.dispose();
    }
  });

  it('a file imported before is said so, and goes in again only on purpose; once undone, it is new again', async () => {
    const file = join(lead.dir, 'wochenlieferung.csv');
    writeFileSync(file, ['NDC;Bezeichnung;Charge;Verfall;Menge', '00093-3109-05;Amoxicillin 500 mg;WL-1;31.03.2029;10', '00093-3109-05;Amoxicillin 500 mg;WL-2;30.04.2029;20'].join('\n'));
    const commit = async (again?: boolean) => {
      const { id } = await lead.api.imports.openPath.mutate({ path: file });
      const view = await ready(id);
      const done = lead.api.imports.commit.mutate({ id, mode: 'all-or-nothing', warehouse: 'Hauptlager', again }).then(() => until(lead, id, (v) => v.status !== 'committing'));
      return { view, done };
    };
    const first = await commit();
    expect(first.view.importedBefore).toEqual([]);
    await first.done;

    const second = await commit();
    expect(second.view.importedBefore).toEqual([expect.objectContaining({ format: 'csv', fileName: 'wochenlieferung.csv', createdByName: 'Lena Vogel', rowsImported: 2 })]);
    await expect(second.done).rejects.toMatchObject({ message: expect.stringContaining('importing it again would receive its stock a second time. Tick “Import it again”') });
    const level = async () => (await lead.api.stock.list.query({ search: 'WL-1' })).rows.find((r) => r.lotNumber === 'WL-1')?.quantity;
    expect(await level()).toBe(10);

    await (await commit(true)).done;
    expect(await level()).toBe(20);

    for (const record of (await lead.api.imports.history.query()).filter((r) => r.fileName === 'wochenlieferung.csv')) await lead.api.imports.undo.mutate({ importId: record.id });
    expect((await commit()).view.importedBefore).toEqual([]);
  });

  it('says plainly when a file cannot be read, and imports nothing', async () => {
    const { id } = await lead.api.imports.openPath.mutate({ path: new URL('openboxes-inventory-template.xls', FIXTURE).pathname });
    const view = await ready(id);
    expect(view.status).toBe('ready');
    expect(view.file.format).toBe('xls');
    const bad = join(lead.dir, 'export.xls');
    writeFileSync(bad, '<html><body><table><tr><td>Lot</td></tr></table></body></html>');
    const failed = await ready((await lead.api.imports.openPath.mutate({ path: bad })).id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'import/unreadable-file', message: expect.stringContaining('web page') });
  });
});
