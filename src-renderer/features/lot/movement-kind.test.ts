import { describe, expect, it } from 'vitest';
import { formatSignedQuantity, movementKindLabel } from './movement-kind';

describe('movement display', () => {
  it('labels kinds in words and signs quantities', () => {
    expect(movementKindLabel('transfer-out')).toBe('Transferred out');
    expect(movementKindLabel('future-kind')).toBe('future-kind');
    expect(formatSignedQuantity(1200)).toBe('+1,200');
    expect(formatSignedQuantity(-30)).toBe('−30');
    expect(formatSignedQuantity(0)).toBe('—');
  });
});
