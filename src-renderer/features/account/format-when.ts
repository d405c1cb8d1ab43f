import { formatDate } from '../stock/format-date';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date and time on this computer's clock in Atlas's unambiguous form, e.g. "12 Mar 2026, 14:05"
 * (day, month name, 24-hour time — never 03/12/26); "—" when absent.
 */
export function formatWhen(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return `${formatDate(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`)}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
