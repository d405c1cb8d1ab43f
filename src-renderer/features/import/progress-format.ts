/**
 * Words and numbers for a file being read: rows per second, time left, how far along. Pure, so
 * the reading panel stays a layout and these are tested on their own.
 */

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** `12,345` */
export function formatCount(n: number): string {
  return whole.format(n);
}

/** `1 row` / `2,001 rows` */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** `48,200 rows/s`; large rates rounded to hundreds, since they jitter from one poll to the next. */
export function formatRate(rowsPerSecond: number): string {
  if (!Number.isFinite(rowsPerSecond) || rowsPerSecond <= 0) return '—';
  const rounded = rowsPerSecond >= 10_000 ? Math.round(rowsPerSecond / 100) * 100 : Math.round(rowsPerSecond);
  return `${formatCount(rounded)} rows/s`;
}

/** `about 2 min left`: whole seconds under a minute, then minutes, then hours and minutes. */
export function formatTimeLeft(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return 'estimating time left…';
  if (seconds < 1) return 'less than a second left';
  if (seconds < 60) return `${Math.ceil(seconds)} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `about ${hours} h left` : `about ${hours} h ${rest} min left`;
}

/** 0..1 of the file read, or null while the size is unknown (the bar is then indeterminate). */
export function readFraction(progress: { bytesRead: number; totalBytes: number } | null | undefined): number | null {
  if (!progress || !(progress.totalBytes > 0)) return null;
  return Math.min(1, Math.max(0, progress.bytesRead / progress.totalBytes));
}

/** 0..1 of the rows committed, or null before the commit has a total. */
export function commitFraction(progress: { done: number; total: number } | null | undefined): number | null {
  if (!progress || !(progress.total > 0)) return null;
  return Math.min(1, Math.max(0, progress.done / progress.total));
}

/** `812 KB`, `3.4 MB`: file sizes as a file manager shows them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
