import { describe, expect, it } from 'vitest';
import { ftsQuery } from './fts-query';

describe('ftsQuery', () => {
  it('requires every word, as a prefix over names, maker and lot number', () => {
    expect(ftsQuery('Amox clav')).toBe('({product_name generic_name manufacturer lot_number} : "amox"*) AND ({product_name generic_name manufacturer lot_number} : "clav"*)');
  });

  it('matches short tokens whole (a strength, a unit), not as a prefix of a large part of the index', () => {
    expect(ftsQuery('10 mg')).toBe('({product_name generic_name manufacturer lot_number} : "10") AND ({product_name generic_name manufacturer lot_number} : "mg")');
    expect(ftsQuery('250')).toBe('({product_name generic_name manufacturer lot_number} : "250")');
  });

  it('also matches code-like words against the digits-only codes column', () => {
    expect(ftsQuery('0093-0058')).toBe('({product_name generic_name manufacturer lot_number} : "0093"* "0058"* OR codes : "00930058"*)');
  });

  it('quotes every token so FTS5 syntax typed by a person cannot break or widen the query', () => {
    const q = ftsQuery('a" OR * NEAR(');
    expect(q).not.toContain('OR *');
    expect(q).toBe('({product_name generic_name manufacturer lot_number} : "a") AND ({product_name generic_name manufacturer lot_number} : "or") AND ({product_name generic_name manufacturer lot_number} : "near"*)');
  });

  it('returns null when nothing searchable is left', () => {
    expect(ftsQuery('  -- / ')).toBeNull();
  });
});
