import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ndcCatalogOf } from './ndc-catalog';
import { parseNdc } from './parse-ndc';

const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/openfda/${name}`, import.meta.url), 'utf8');

describe('parseNdc', () => {
  it.each([
    ['0024-0590-10', '00024059010', '00024-0590-10', '4-4-2'],
    ['10631-106-08', '10631010608', '10631-0106-08', '5-3-2'],
    ['00591-0369-1', '00591036901', '00591-0369-01', '5-4-1'],
    ['00591-0369-01', '00591036901', '00591-0369-01', '5-4-2'],
    ['00591036901', '00591036901', '00591-0369-01', '5-4-2'],
    ['000591-0369-01', '00591036901', '00591-0369-01', '6-4-2'],
    ['000591036901', '00591036901', '00591-0369-01', '6-4-2'],
    ['  0024-0590-10\n', '00024059010', '00024-0590-10', '4-4-2'],
  ])('%s → %s (%s, %s)', (input, ndc11, ndc11Hyphenated, configuration) => {
    expect(parseNdc(input)).toEqual({ ok: true, value: { ndc11, ndc11Hyphenated, configuration } });
  });

  it('rejects a bare 10-digit code without a catalog, saying why', () => {
    expect(parseNdc('6745715303')).toEqual({
      ok: false,
      error: {
        code: 'ndc/ambiguous',
        message: '"6745715303" is ambiguous: 10 digits without hyphens could be 4-4-2, 5-3-2 or 5-4-1; write it with hyphens as printed on the label, or as 11 digits (5-4-2).',
      },
    });
  });

  it('resolves a bare 10-digit code when exactly one reading is in the catalog', () => {
    const catalog = ndcCatalogOf(['67457015303', '00024059010']);
    expect(parseNdc('6745715303', { catalog })).toEqual({ ok: true, value: { ndc11: '67457015303', ndc11Hyphenated: '67457-0153-03', configuration: '5-3-2' } });
    expect(parseNdc('0024059010', { catalog })).toMatchObject({ ok: true, value: { ndc11: '00024059010', configuration: '4-4-2' } });
    expect(parseNdc('1111111111', { catalog })).toMatchObject({
      ok: false,
      error: { code: 'ndc/unknown', message: expect.stringMatching(/4-4-2 → 01111-1111-11, 5-3-2 → 11111-0111-11, 5-4-1 → 11111-1111-01\) and none of them is a known product/) },
    });
    const both = ndcCatalogOf(['01111111111', '11111111101']);
    expect(parseNdc('1111111111', { catalog: both })).toMatchObject({ ok: false, error: { code: 'ndc/ambiguous', message: expect.stringMatching(/2 of them are products/) } });
  });

  it('maps 12-digit 6-4-2 codes to 11 digits only when the labeler has a leading zero (91 FR 10749)', () => {
    for (const code of ['123456-7890-12', '123456789012']) {
      expect(parseNdc(code)).toMatchObject({ ok: false, error: { code: 'ndc/no-11-digit-form', message: expect.stringMatching(/6-digit labeler code 123456.*only in the 12-digit 6-4-2 format.*no 11-digit 5-4-2 form/) } });
    }
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{5}$/), fc.stringMatching(/^\d{6}$/), (labeler, rest) => {
        expect(parseNdc(`${labeler}${rest}`)).toMatchObject({ ok: false, error: { code: 'ndc/no-11-digit-form' } });
      }),
    );
  });

  it.each([
    ['12345-12-123', /segments have 5-2-3 digits/],
    ['1234-56', /2 hyphen-separated parts/],
    ['123456789', /it has 9 digits/],
    ['1234567890123', /it has 13 digits/],
    ['0024–0590–10', /only digits and hyphens/],
    ['NDC 0024-0590-10', /only digits and hyphens/],
    ['', /it has 1 hyphen-separated parts/],
  ])('rejects %j', (input, message) => {
    expect(parseNdc(input)).toMatchObject({ ok: false, error: { code: 'ndc/invalid', message: expect.stringMatching(message) } });
  });

  it('normalises the NDCs quoted in openFDA records', () => {
    const example = JSON.parse(fixture('ndc-api-example.json')) as { result: { packaging: { package_ndc: string }[] } };
    const packageNdc = example.result.packaging[0]?.package_ndc ?? '';
    expect(parseNdc(packageNdc)).toMatchObject({ ok: true, value: { ndc11: '68682006510', configuration: '5-3-2' } });
    const recalls = ['recall-ndc-4-4-2.xml', 'recall-ndc-5-3-2.xml', 'recall-ndc-5-4-2.xml'].map((f) => /NDC\D*(\d[\d-]+\d)/.exec(fixture(f))?.[1] ?? '');
    expect(recalls).toEqual(['0024-0590-10', '10631-106-08', '00591-0369-01']);
    expect(recalls.map((code) => parseNdc(code))).toEqual([
      { ok: true, value: { ndc11: '00024059010', ndc11Hyphenated: '00024-0590-10', configuration: '4-4-2' } },
      { ok: true, value: { ndc11: '10631010608', ndc11Hyphenated: '10631-0106-08', configuration: '5-3-2' } },
      { ok: true, value: { ndc11: '00591036901', ndc11Hyphenated: '00591-0369-01', configuration: '5-4-2' } },
    ]);
  });
});
