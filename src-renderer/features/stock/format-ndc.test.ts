import { describe, expect, it } from 'vitest';
import { formatNdc11 } from './format-ndc';

describe('formatNdc11', () => {
  it('formats 5-4-2', () => {
    expect(formatNdc11('00071015523')).toBe('00071-0155-23');
  });

  it('passes through null and non-11-digit values', () => {
    expect(formatNdc11(null)).toBeNull();
    expect(formatNdc11('0071-0155-23')).toBe('0071-0155-23');
  });
});
