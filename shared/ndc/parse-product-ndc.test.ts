import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProductNdc } from './parse-product-ndc';

describe('parseProductNdc', () => {
  it('normalises the openFDA example product_ndc to 5-4', () => {
    const example = JSON.parse(readFileSync(new URL('../../tests/fixtures/openfda/ndc-api-example.json', import.meta.url), 'utf8')) as { result: { product_ndc: string } };
    expect(parseProductNdc(example.result.product_ndc)).toEqual({ ok: true, value: { productNdc9: '686820065', productNdcHyphenated: '68682-0065', configuration: '5-3' } });
  });

  it.each([
    ['0024-0590', '00024-0590', '4-4'],
    ['00591-0369', '00591-0369', '5-4'],
    ['000591-0369', '00591-0369', '6-4'],
  ])('%s → %s (%s)', (input, productNdcHyphenated, configuration) => {
    expect(parseProductNdc(input)).toMatchObject({ ok: true, value: { productNdcHyphenated, configuration } });
  });

  it('rejects bare digits, other layouts and post-2033 labelers', () => {
    expect(parseProductNdc('68682065')).toMatchObject({ ok: false, error: { code: 'ndc/invalid' } });
    expect(parseProductNdc('68682-06')).toMatchObject({ ok: false, error: { code: 'ndc/invalid' } });
    expect(parseProductNdc('123456-0369')).toMatchObject({ ok: false, error: { code: 'ndc/no-11-digit-form' } });
  });
});
