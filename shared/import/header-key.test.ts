import { describe, expect, it } from 'vitest';
import { mappingMemoryKey } from './header-key';
import { fixtureSheet } from './sheets.fixture';

describe('mappingMemoryKey', () => {
  it('is the same for the same headers however they are cased, spaced or accented', () => {
    expect(mappingMemoryKey(['Lot #', 'Expiry Date', 'Qté'])).toBe(mappingMemoryKey(['LOT #', '  expiry   date', 'Qte']));
    expect(mappingMemoryKey(['Lot #', 'Expiry Date', 'Qté'])).toBe('v1:3:lot no|expiry date|qte');
  });

  it('ignores trailing empty header cells, not inner ones', () => {
    expect(mappingMemoryKey(['Lot', 'Qty', '', ''])).toBe(mappingMemoryKey(['Lot', 'Qty']));
    expect(mappingMemoryKey(['Lot', '', 'Qty'])).not.toBe(mappingMemoryKey(['Lot', 'Qty']));
  });

  it('depends on the order of the headers: a moved column is a different layout', () => {
    expect(mappingMemoryKey(['Lot', 'Qty'])).not.toBe(mappingMemoryKey(['Qty', 'Lot']));
  });

  it('gives the three OpenBoxes warehouse exports one key', () => {
    const keys = ['openboxes-boston-warehouse', 'openboxes-chicago-warehouse', 'openboxes-main-warehouse'].map((n) => mappingMemoryKey(fixtureSheet(n)[0] ?? []));
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBe('v1:8:product code|product name|lot number|expiration date|bin location|ob qoh|physical qoh|comment');
  });
});
