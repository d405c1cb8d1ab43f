import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { bigCsv, refusal, tempDir, workbook } from './nasty-files.fixture';
import { DEFAULT_READ_LIMITS, readSpreadsheet, type ReadProgress } from './read-spreadsheet';
import { runReadWorker } from './run-read-worker';

const temp = tempDir();
let big = '';
beforeAll(() => {
  big = temp.file('big.csv', bigCsv(300_000)); // ~25 MB
});
afterAll(() => temp.cleanup());

describe('readSpreadsheet: control', () => {
  it('cancels mid-way through a big CSV when the signal aborts', async () => {
    const controller = new AbortController();
    let rows = 0;
    const started = performance.now();
    const err = await refusal(
      readSpreadsheet(big, {
        signal: controller.signal,
        onRows: (batch) => {
          rows += batch.length;
          if (rows >= 10_000) controller.abort();
        },
      }),
    );
    expect(err.code).toBe('import/cancelled');
    expect(err.message).toBe('Reading “big.csv” was cancelled.');
    expect(rows).toBeLessThan(20_000);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('cancels while SheetJS holds the worker thread (phase "parsing")', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => [`TS${i}`, 'Morphine injection, 10mg/mL in 1mL ampoule', `00392/${i}`, 45_000 + i, i]);
    const path = temp.file('big.xlsx', workbook({ Stock: XLSX.utils.aoa_to_sheet(rows) }));
    const controller = new AbortController();
    const phases: string[] = [];
    let delivered = 0;
    const err = await refusal(
      readSpreadsheet(path, {
        signal: controller.signal,
        onRows: (batch) => void (delivered += batch.length),
        onProgress: (p) => {
          phases.push(p.phase);
          if (p.phase === 'parsing') controller.abort();
        },
      }),
    );
    expect(err.code).toBe('import/cancelled');
    expect(phases).toEqual(['parsing']);
    expect(delivered).toBe(0);
  });

  it('refuses at once when the signal is already aborted', async () => {
    const err = await refusal(readSpreadsheet(big, { signal: AbortSignal.abort(), onRows: () => undefined }));
    expect(err.code).toBe('import/cancelled');
  });

  it('reports progress: rising rows and bytes, a sane rate, and a final 100 %', async () => {
    const progress: ReadProgress[] = [];
    const result = await readSpreadsheet(big, { onRows: () => undefined, onProgress: (p) => progress.push(p) });
    expect(result.rowCount).toBe(300_001);
    expect(progress.length).toBeGreaterThan(1);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]!.rows).toBeGreaterThanOrEqual(progress[i - 1]!.rows);
      expect(progress[i]!.bytesRead).toBeGreaterThanOrEqual(progress[i - 1]!.bytesRead);
    }
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ rows: 300_001, bytesRead: result.bytes, totalBytes: result.bytes, secondsLeft: 0, phase: 'reading' });
    expect(last.rowsPerSecond).toBeGreaterThan(10_000);
    expect(last.rowsPerSecond).toBeLessThan(50_000_000);
    const middle = progress.find((p) => p.bytesRead < p.totalBytes && p.rows > 0);
    if (middle) expect(middle.secondsLeft).toBeGreaterThan(0);
  });

  it('waits for onRows before sending the next batch (backpressure)', async () => {
    let busy = false;
    let overlaps = 0;
    let batches = 0;
    await readSpreadsheet(temp.file('small.csv', bigCsv(10_000)), {
      batchRows: 1000,
      onRows: async () => {
        if (busy) overlaps++;
        busy = true;
        batches++;
        await new Promise((r) => setTimeout(r, 15));
        busy = false;
      },
    });
    expect(batches).toBe(11);
    expect(overlaps).toBe(0);
  });

  it('stops and rejects with the consumer\'s error when onRows throws', async () => {
    const failure = new AppError('validation/invalid-input', 'the consumer gave up');
    await expect(readSpreadsheet(big, { onRows: () => Promise.reject(failure) })).rejects.toBe(failure);
  });

  it('times out, without counting the consumer\'s time', async () => {
    const err = await refusal(readSpreadsheet(big, { limits: { timeoutMs: 1 }, onRows: () => undefined }));
    expect(err).toMatchObject({ code: 'import/parse-timeout', message: expect.stringContaining('“big.csv” took longer than 1 ms') });
  });

  it('turns a crashed worker into a sentence, not a stack', async () => {
    const crash = new URL(`data:text/javascript,${encodeURIComponent('throw new TypeError("Cannot read properties of undefined (reading \'l\')");')}`);
    const request = { mode: 'read' as const, path: big, sheet: undefined, limits: DEFAULT_READ_LIMITS, batchRows: 10 };
    const err = await refusal(runReadWorker(request, {}, undefined, { url: crash, execArgv: [] }));
    expect(err.code).toBe('import/unreadable-file');
    expect(err.message).toBe('Atlas could not read “big.csv”: its file reader stopped unexpectedly. Try saving the file again as .xlsx or .csv.');
    expect(err.cause).toBeInstanceOf(Error);
  });
});
