import { normalizeHeader } from './header-synonyms';

/**
 * The key a confirmed mapping is remembered under: the normalised headers in order, so the
 * next export from the same system ("Lot #" or "LOT #", trailing empty columns or not) gets the
 * same mapping, and a sheet whose columns moved does not. Plain text, readable in the store.
 */
export function mappingMemoryKey(headers: readonly string[]): string {
  const normalized = headers.map(normalizeHeader);
  while (normalized.length > 0 && normalized[normalized.length - 1] === '') normalized.pop();
  return `v1:${normalized.length}:${normalized.join('|')}`;
}
