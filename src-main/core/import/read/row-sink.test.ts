import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../../shared/import/types';
import { RowNormalizer } from './row-normalizer';
import { RowSink, type SinkPort } from './row-sink';
import type { WorkerMessage } from './worker-protocol';

/** A port whose acks the test releases by hand. */
function fakePort() {
  const posted: WorkerMessage[] = [];
  const acks: (() => void)[] = [];
  const port: SinkPort = { post: (m) => posted.push(m), nextAck: () => new Promise<void>((resolve) => acks.push(resolve)) };
  return { port, posted, acks, batches: () => posted.filter((m) => m.type === 'rows').map((m) => (m as { rows: Cell[][] }).rows) };
}

const limits = { maxRows: 100, maxColumns: 4, maxCellLength: 10 };

describe('RowSink', () => {
  it('keeps at most one batch in flight until the consumer acknowledges it', async () => {
    const { port, acks, batches } = fakePort();
    const sink = new RowSink(port, 2, 100);
    const rows = new RowNormalizer(sink, limits, 'x.csv');
    const pushing = (async () => {
      for (let i = 0; i < 6; i++) await rows.push([`r${i}`]);
      return sink.finish();
    })();
    await new Promise((r) => setTimeout(r, 10));
    expect(batches()).toEqual([[['r0'], ['r1']]]);
    acks.shift()!();
    await new Promise((r) => setTimeout(r, 10));
    expect(batches()).toHaveLength(2);
    acks.shift()!();
    await new Promise((r) => setTimeout(r, 10));
    acks.shift()!();
    expect(await pushing).toBe(6);
  });

  it('throttles progress to every 100 ms and estimates from the phase\'s pace', () => {
    const { port, posted } = fakePort();
    let now = 0;
    const sink = new RowSink(port, 10, 1000, () => now);
    sink.add(['a']);
    now = 1000;
    sink.progress(250, 'reading', 0.25);
    now = 1050;
    sink.progress(300, 'reading', 0.3);
    now = 2000;
    sink.progress(1000, 'reading', 1, true);
    const progress = posted.filter((m) => m.type === 'progress').map((m) => (m as { progress: object }).progress);
    expect(progress).toEqual([
      { rows: 1, bytesRead: 250, totalBytes: 1000, rowsPerSecond: 1, secondsLeft: 3, phase: 'reading' },
      { rows: 1, bytesRead: 1000, totalBytes: 1000, rowsPerSecond: 1, secondsLeft: 0, phase: 'reading' },
    ]);
  });
});

describe('RowNormalizer', () => {
  it('ends rows at the last value, keeps blank rows in the middle and drops them at the end', async () => {
    const { port, batches } = fakePort();
    const sink = new RowSink(port, 100, 0);
    const rows = new RowNormalizer(sink, limits, 'x.csv');
    for (const row of [['a', 'b', '', ''], ['', null], ['1', '', '3', ''], ['', ''], [null]]) await rows.push(row);
    const done = sink.flush();
    expect(rows.count).toBe(3);
    expect(batches()).toEqual([[['a', 'b'], [], ['1', null, '3']]]);
    await done;
  });

  it('refuses too many rows, too many columns and long cells, naming row and column', async () => {
    const { port } = fakePort();
    const rows = new RowNormalizer(new RowSink(port, 100, 0), { maxRows: 1, maxColumns: 2, maxCellLength: 3 }, 'x.xlsx');
    await expect(rows.push(['a', 'b', 'c'])).rejects.toMatchObject({ code: 'import/too-many-columns', message: expect.stringContaining('Row 1 of “x.xlsx” has 3 columns') });
    await expect(rows.push([null, 'abcd'])).rejects.toMatchObject({ code: 'import/cell-too-long', message: expect.stringContaining('Row 2, column B') });
    await rows.push(['ok']);
    await expect(rows.push(['no'])).rejects.toMatchObject({ code: 'import/too-many-rows' });
  });
});
