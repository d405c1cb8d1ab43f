import type { LotStyle } from './demo-labelers';
import type { SeededRandom } from './seeded-random';

const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ'; // no I, O, Q: printers avoid them next to 1 and 0
const MONTH_LETTERS = 'ABCDEFGHJKLM'; // January = A … December = M, skipping I

const digits = (random: SeededRandom, n: number) => String(random.int(0, 10 ** n - 1)).padStart(n, '0');
const letter = (random: SeededRandom) => random.pick([...LETTERS]);

/**
 * A lot number in one of the formats labelers print, kept exactly as written — leading zeros,
 * slashes and dashes are part of it (issue 3). `manufacturedOn` feeds the date-coded styles.
 *   slash       0012/A      numeric batch with a sub-lot letter
 *   dated       L240117     "L" + YYMMDD of manufacture
 *   batch-dash  B7731-02    batch letter and number, fill sub-lot
 *   alpha       TK48213     two letters + five digits
 *   year-month  24K045      YY + month letter + sequence
 *   numeric     0451187     seven digits, leading zeros kept
 *   vaccine     3CA21C1     mixed, as biologics are often coded
 */
export function lotNumber(style: LotStyle, random: SeededRandom, manufacturedOn: string): string {
  const yy = manufacturedOn.slice(2, 4);
  const mm = Number(manufacturedOn.slice(5, 7));
  switch (style) {
    case 'slash':
      return `${String(random.int(1, 2_999)).padStart(4, '0')}/${letter(random)}`;
    case 'dated':
      return `L${yy}${manufacturedOn.slice(5, 7)}${manufacturedOn.slice(8, 10)}${random.chance(0.3) ? letter(random) : ''}`;
    case 'batch-dash':
      return `${letter(random)}${digits(random, 4)}-${String(random.int(1, 12)).padStart(2, '0')}`;
    case 'alpha':
      return `${letter(random)}${letter(random)}${digits(random, 5)}`;
    case 'year-month':
      return `${yy}${MONTH_LETTERS[mm - 1] ?? 'A'}${digits(random, 3)}`;
    case 'numeric':
      return `0${digits(random, 6)}`;
    case 'vaccine':
      return `${random.int(1, 9)}${letter(random)}${letter(random)}${digits(random, 2)}${letter(random)}${random.int(1, 9)}`;
  }
}
