import type { SeedProgress } from './seed-demo';

/**
 * Progress on stderr, so stdout stays clean for `--json`: on a terminal one line rewritten in
 * place ("lots 600/1200 · syncing 500 changes…"); in a log or CI one line per report.
 */
export function progressPrinter(stream: NodeJS.WriteStream): (p: SeedProgress) => void {
  let current = '';
  return (p) => {
    if (p.phase === 'sync') {
      const syncing = `syncing ${p.total} changes…`;
      if (!stream.isTTY) {
        if (p.done === 0) stream.write(`${syncing}\n`);
        return;
      }
      const line = p.done === 0 ? [current, syncing].filter(Boolean).join(' · ') : current;
      stream.write(`\r\x1b[K${line}`);
      return;
    }
    const line = `${p.phase} ${p.done}/${p.total}`;
    if (!stream.isTTY) {
      stream.write(`${line}\n`);
      return;
    }
    stream.write(`\r\x1b[K${line}`);
    current = line;
    if (p.done === p.total) {
      stream.write('\n');
      current = '';
    }
  };
}
