/** The columns of stock_search that hold words (names, maker, lot number); `codes` holds digits. */
const TEXT_COLUMNS = '{product_name generic_name manufacturer lot_number}';

/**
 * Turns what a person types into an FTS5 MATCH expression: every word must match a name, maker
 * or lot number — as a prefix when it has three or more characters (the index keeps 3-character
 * prefixes, see the stock_search migration); a shorter token ("mg", "10", "4") must match whole,
 * as a unit or strength does (as a prefix it would expand to a large part of the index). Words that look like codes (4+ characters with a digit) also match the
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
      const asWords = `${TEXT_COLUMNS} : ${tokens.map((t) => (t.length >= 3 && !/^\d{3}$/.test(t) ? `"${t}"*` : `"${t}"`)).join(' ')}`;
      const compact = tokens.join('');
      return compact.length >= 4 && /\d/.test(compact) ? `(${asWords} OR codes : "${compact}"*)` : `(${asWords})`;
    })
    .filter((t): t is string => t !== null);
  return terms.length ? terms.join(' AND ') : null;
}
