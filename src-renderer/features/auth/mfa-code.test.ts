import { describe, expect, it } from 'vitest';
import { codeProblem, groupSecret, normaliseCode, svgDataUrl } from './mfa-code';

describe('MFA codes', () => {
  it('accepts six digits, with the space authenticator apps show', () => {
    expect(normaliseCode('totp', '123 456')).toBe('123456');
    expect(codeProblem('totp', '123 456')).toBeUndefined();
    expect(codeProblem('totp', '12345')).toMatch(/6 digits/);
    expect(codeProblem('totp', '')).toMatch(/authenticator app/);
  });

  it('accepts backup codes with or without the hyphen, in any case', () => {
    expect(codeProblem('backup', 'ABCD-2345')).toBeUndefined();
    expect(codeProblem('backup', 'abcd2345')).toBeUndefined();
    expect(normaliseCode('backup', ' ABCD-2345 ')).toBe('abcd-2345');
    expect(codeProblem('backup', 'abcd-1890')).toMatch(/looks like/);
  });

  it('groups the secret by four and makes the QR an image URL', () => {
    expect(groupSecret('jbswy3dpehpk3pxp')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('JBSW Y3DP EH')).toBe('JBSW Y3DP EH');
    expect(svgDataUrl('<svg a="1"/>')).toBe('data:image/svg+xml;charset=utf-8,%3Csvg%20a%3D%221%22%2F%3E');
  });
});
