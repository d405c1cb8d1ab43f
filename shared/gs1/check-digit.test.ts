import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gs1CheckDigit, hasValidCheckDigit } from './check-digit';

describe('gs1CheckDigit (GS1 General Specifications §7.9.1)', () => {
  it.each([
    ['0036745715303', 2], // GTIN-14 00367457153032, the published DataMatrix example
    ['0036868206510', 7], // openFDA UPC 0368682065107
    ['400638133393', 1], // GTIN-13 4006381333931 (GS1's own example)
    ['03600029145', 2], // UPC-A 036000291452
    ['37610425002123456', 9], // SSCC 376104250021234569 (GS1 example)
  ])('%s → %i', (digits, check) => {
    expect(gs1CheckDigit(digits)).toBe(check);
    expect(hasValidCheckDigit(`${digits}${check}`)).toBe(true);
  });

  it('refuses non-digits', () => {
    expect(() => gs1CheckDigit('12a')).toThrow(/digits only/);
    expect(hasValidCheckDigit('1')).toBe(false);
    expect(hasValidCheckDigit('0036745715303x')).toBe(false);
  });

  const gtin14 = fc.stringMatching(/^\d{13}$/).map((body) => `${body}${gs1CheckDigit(body)}`);

  it('changing any single digit of a valid GTIN-14 makes it invalid', () => {
    fc.assert(
      fc.property(gtin14, fc.nat(13), fc.integer({ min: 1, max: 9 }), (gtin, position, delta) => {
        const changed = (Number(gtin[position]) + delta) % 10;
        const mutated = `${gtin.slice(0, position)}${changed}${gtin.slice(position + 1)}`;
        expect(hasValidCheckDigit(gtin)).toBe(true);
        expect(hasValidCheckDigit(mutated)).toBe(false);
      }),
    );
  });
});
