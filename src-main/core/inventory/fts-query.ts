/** The columns of stock_search that hold words (names, maker, lot number); `codes` holds digits. */
const TEXT_COLUMNS = '{product_name generic_name manufacturer lot_number}';

/**
 * Turns what a person types into an FTS5 MATCH expression: every word must match a name, maker
 * or lot number — as a prefix when it has letters and two or more characters; a short number
 * ("10", "4") must match whole, as a strength does (as a prefix it would expand to every number
 * starting with it). Words that look like codes (4+ characters with a digit) also match the
 * `codes` column with punctuation removed, so "0093-0058" finds NDC 00093005801. Every token is
 * quoted, so FTS5 syntax in the input can never break the query. Null when nothing is left.
 */
export function ftsQuery(input: string): string | null {
  const terms = input
    .toLowerCase()
    .split(/\s+/)
    .map((word) => {
      const tokens = word.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      if (tokens.length === 0) return null;
      const asWords = `${TEXT_COLUMNS} : ${tokens.map((t) => (t.length >= 2 && !/^\d{1,3}$/.test(t) ? `"${t}"*` : `"${t}"`)).join(' ')}`;
      const compact = tokens.join('');
      return compact.length >= 4 && /\d/.test(compact) ? `(${asWords} OR codes : "${compact}"*)` : `(${asWords})`;
    })
    .filter((t): t is string => t !== null);
  return terms.length ? terms.join(' AND ') : null;
}
