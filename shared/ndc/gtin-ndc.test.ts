import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gtinToNdc10, ndc10ToGtin14 } from './gtin-ndc';

describe('GTIN-14 ↔ NDC10', () => {
  it('reads the NDC inside the published GS1 DataMatrix example GTIN', () => {
    expect(gtinToNdc10('00367457153032')).toEqual({ ok: true, value: '6745715303' });
    expect(ndc10ToGtin14('6745715303')).toEqual({ ok: true, value: '00367457153032' });
  });

  it('agrees with openFDA: package 68682-065-10 has UPC 0368682065107', () => {
    const example = JSON.parse(readFileSync(new URL('../../tests/fixtures/openfda/ndc-api-example.json', import.meta.url), 'utf8')) as {
      result: { openfda: { upc: string[] } };
    };
    const upc = example.result.openfda.upc[0] ?? '';
    expect(gtinToNdc10(upc)).toEqual({ ok: true, value: '6868206510' });
    expect(ndc10ToGtin14('68682-065-10')).toEqual({ ok: true, value: '00368682065107' });
    expect(ndc10ToGtin14('68682-065-10', '5')).toEqual({ ok: true, value: '50368682065102' });
  });

  it('validates the check digit and the NDC prefix', () => {
    expect(gtinToNdc10('00367457153031')).toMatchObject({ ok: false, error: { code: 'gtin/check-digit', message: expect.stringMatching(/check digit 1, but its other digits give 2/) } });
    expect(gtinToNdc10('04006381333931')).toMatchObject({ ok: false, error: { code: 'gtin/not-ndc', message: expect.stringMatching(/has "40"/) } });
    expect(gtinToNdc10('0036745715303')).toMatchObject({ ok: false, error: { code: 'gtin/check-digit' } });
    expect(gtinToNdc10('367457153032x')).toMatchObject({ ok: false, error: { code: 'gtin/invalid' } });
    expect(ndc10ToGtin14('674571530')).toMatchObject({ ok: false, error: { code: 'ndc/invalid' } });
    expect(ndc10ToGtin14('67457-15-303')).toMatchObject({ ok: false, error: { code: 'ndc/invalid' } });
    expect(ndc10ToGtin14('6745715303', '9')).toMatchObject({ ok: false, error: { code: 'gtin/invalid' } });
  });

  it('round-trips any 10 digits with any packaging indicator', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), fc.constantFrom(...'012345678'), (ndc10, indicator) => {
        const gtin = ndc10ToGtin14(ndc10, indicator);
        expect(gtin.ok && gtin.value.slice(0, 3)).toBe(`${indicator}03`);
        if (gtin.ok) expect(gtinToNdc10(gtin.value)).toEqual({ ok: true, value: ndc10 });
      }),
    );
  });
});
