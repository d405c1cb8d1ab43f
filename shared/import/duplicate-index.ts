/**
 * Which earlier row had the same (product, lot, location, expiry), for a million rows without a
 * million key strings: keys are hashed to 64 bits (FNV-1a and a murmur-style mix, 32 bits each)
 * into an open-addressing table of typed arrays, so the index costs ~12 bytes a row and nothing
 * for the garbage collector. Two different keys share a 64-bit hash with probability about
 * n²/2⁶⁵, 3·10⁻⁸ for a million rows; the cost of that would be one row wrongly reported as a
 * duplicate, shown to the user with the row it supposedly repeats.
 */
export class DuplicateIndex {
  private mask = (1 << 12) - 1;
  private size = 0;
  private first = new Int32Array(this.mask + 1);
  private second = new Int32Array(this.mask + 1);
  /** 0 = empty slot; rows are numbered from 1. */
  private rows = new Int32Array(this.mask + 1);
  /** The two hash states while a key is mixed (fields, so hashing allocates nothing). */
  private a = 0;
  private b = 0;

  /** The earlier row with this key, or 0 after recording `row` as its first. */
  check(product: number, lot: string, location: string, expiry: string, row: number): number {
    this.a = 0x811c9dc5 ^ product;
    this.b = Math.imul(product + 0x9e3779b9, 0x85ebca6b);
    this.mix(lot);
    this.mix(location);
    this.mix(expiry);
    const a = this.a | 0;
    const b = this.b | 0;
    for (let slot = (a ^ Math.imul(b, 0x27d4eb2d)) & this.mask; ; slot = (slot + 1) & this.mask) {
      const seen = this.rows[slot] ?? 0;
      if (seen === 0) {
        this.first[slot] = a;
        this.second[slot] = b;
        this.rows[slot] = row;
        if (++this.size * 2 > this.mask) this.grow();
        return 0;
      }
      if (this.first[slot] === a && this.second[slot] === b) return seen;
    }
  }

  private mix(text: string): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i <= text.length; i++) {
      // A terminator after each part keeps ("ab", "c") apart from ("a", "bc").
      const c = i < text.length ? text.charCodeAt(i) : 0xffff;
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    this.a = a;
    this.b = b;
  }

  private grow(): void {
    const { first, second, rows } = this;
    this.mask = this.mask * 2 + 1;
    this.first = new Int32Array(this.mask + 1);
    this.second = new Int32Array(this.mask + 1);
    this.rows = new Int32Array(this.mask + 1);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] ?? 0;
      if (row === 0) continue;
      const a = first[i] ?? 0;
      const b = second[i] ?? 0;
      let slot = (a ^ Math.imul(b, 0x27d4eb2d)) & this.mask;
      while ((this.rows[slot] ?? 0) !== 0) slot = (slot + 1) & this.mask;
      this.first[slot] = a;
      this.second[slot] = b;
      this.rows[slot] = row;
    }
  }
}
