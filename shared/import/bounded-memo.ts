/**
 * Distinct values a validator remembers per lookup: products, dates, counts and prices repeat
 * across rows, so most rows hit; a file of unique values stops filling the map at this size, which
 * keeps a million-row streamed import's memory flat.
 */
const MEMO_LIMIT = 10_000;

/** Stores `value` under `key` while the map is below the limit, and returns it. */
export function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size < MEMO_LIMIT) map.set(key, value);
  return value;
}
