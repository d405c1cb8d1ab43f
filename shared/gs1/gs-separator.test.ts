import { describe, expect, it } from 'vitest';
import { GS, normalizeGsSeparators } from './gs-separator';

describe('normalizeGsSeparators', () => {
  it('turns the typed stand-ins for FNC1 into GS (0x1D)', () => {
    const want = `10ABC${GS}21XYZ`;
    for (const typed of ['10ABC<GS>21XYZ', '10ABC<gs>21XYZ', '10ABC\\x1d21XYZ', '10ABC\\x1D21XYZ', '10ABC\\u001d21XYZ', '10ABC|21XYZ', want]) {
      expect(normalizeGsSeparators(typed)).toBe(want);
    }
  });

  it('leaves GS1 data alone', () => {
    expect(normalizeGsSeparators('(01)00367457153032(10)A/B-<G>')).toBe('(01)00367457153032(10)A/B-<G>');
  });
});
