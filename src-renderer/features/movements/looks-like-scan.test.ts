import { describe, expect, it } from 'vitest';
import { looksLikeScan } from './looks-like-scan';

describe('looksLikeScan', () => {
  it('recognises GS1 scans', () => {
    expect(looksLikeScan(']d20100367457153032')).toBe(true);
    expect(looksLikeScan('(01)00367457153032(10)A1')).toBe(true);
    expect(looksLikeScan('0100367457153032172703121OA1')).toBe(true);
    expect(looksLikeScan('10A1\u001d21X')).toBe(true);
  });

  it('leaves words and NDCs to the search', () => {
    expect(looksLikeScan('amoxicillin')).toBe(false);
    expect(looksLikeScan('67457-153-03')).toBe(false);
    expect(looksLikeScan('0042/A')).toBe(false);
  });
});
