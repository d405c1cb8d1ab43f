import { describe, expect, it } from 'vitest';
import { describeMutation } from './describe-mutation';

describe('describeMutation', () => {
  it('names the change and the details a person knows it by', () => {
    expect(describeMutation('stock.receive', { lotNumber: '0042/A', quantity: 50, reference: 'PO-7' })).toEqual({ action: 'Receive', detail: 'lot 0042/A · quantity 50 · ref PO-7' });
    expect(describeMutation('product.upsert', { name: 'Amoxicillin', ndc11: '67457015303' })).toEqual({ action: 'Product saved', detail: 'Amoxicillin · NDC 67457-0153-03' });
    expect(describeMutation('stock.adjust', { delta: -3, reasonCode: 'damaged' }).detail).toBe('change -3 · reason: damaged');
  });

  it('copes with unknown names and malformed args', () => {
    expect(describeMutation('x.y', null)).toEqual({ action: 'x.y', detail: '' });
  });
});
