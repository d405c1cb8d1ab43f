import { describe, expect, it } from 'vitest';
import { describeNdc, EMPTY_PRODUCT, toProductArgs, validateProduct } from './product-form';

describe('product form', () => {
  it('normalises the NDC as typed and shows it 5-4-2', () => {
    expect(describeNdc('67457-153-03')).toEqual({ ndc11: '67457015303', hint: 'Stored as 67457-0153-03 (5-4-2, from 5-3-2)', error: null });
    expect(describeNdc('6745715303').error).toMatch(/ambiguous/);
  });

  it('builds the upsert args', () => {
    const v = { ...EMPTY_PRODUCT, ndc: '67457-153-03', name: ' Amoxicillin ', schedule: 'CII', coldChain: 'true', gtin: '0036 7457 1530 32' };
    expect(validateProduct(v)).toEqual({});
    expect(toProductArgs(v)).toMatchObject({ ndc11: '67457015303', name: 'Amoxicillin', schedule: 'CII', coldChain: true, gtin: '00367457153032', genericName: null, unit: 'each' });
  });

  it('names what is missing or wrong', () => {
    expect(validateProduct({ ...EMPTY_PRODUCT, gtin: '123' })).toEqual({
      ndc: 'Enter the NDC as printed on the pack, e.g. 67457-153-03.',
      name: 'Enter the product name.',
      gtin: 'Must be a 14-digit GTIN.',
    });
  });
});
