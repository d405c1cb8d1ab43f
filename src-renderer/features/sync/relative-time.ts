import { formatDate, localIsoDate } from '../stock/format-date';

/**
 * "just now", "2 min ago", "3 h ago", then the date (`12 Mar 2027`): how long ago an instant was,
 * short enough for a status bar. Re-rendered by the 2 s sync poll, so it stays current.
 */
export function relativeTime(iso: string, now: Date = new Date()): string {
  const then = new Date(iso);
  const ms = now.getTime() - then.getTime();
  if (Number.isNaN(ms)) return iso;
  const seconds = Math.round(ms / 1_000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `on ${formatDate(localIsoDate(then))}`;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

/** An instant as the person's local date and time: `12 Mar 2027, 14:05`. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${formatDate(localIsoDate(date))}, ${timeFormat.format(date)}`;
}
