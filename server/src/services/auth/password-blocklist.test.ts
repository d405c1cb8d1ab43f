import { describe, expect, it } from 'vitest';
import { assertAcceptablePassword, passwordProblem } from './password-blocklist';

describe('new-password checks (NIST SP 800-63B §3.1.1.2)', () => {
  it('refuses passwords from the common-password list, however they are cased or spaced', () => {
    for (const pw of ['qwertyuiop12', 'Password123!', '1q2w3e4r5t6y', 'QAZWSXEDC123']) expect(passwordProblem(pw), pw).toMatch(/commonly used|sequence/);
    expect(passwordProblem('password123')).toMatch(/commonly used/);
  });

  it('refuses repetition and sequences', () => {
    expect(passwordProblem('aaaaaaaaaaaaaa')).toMatch(/repeats/);
    expect(passwordProblem('abababababab')).toMatch(/repeats/);
    expect(passwordProblem('abcdefghijklm')).toMatch(/sequence/);
    expect(passwordProblem('987654321098')).toMatch(/sequence/);
  });

  it('refuses a password that is mostly the name, the email or the service', () => {
    const who = { email: 'rosa.delgado@harbor.example', name: 'Rosa Delgado' };
    expect(passwordProblem('RosaDelgado2026', who)).toMatch(/your name, your email or the name of the service/);
    expect(passwordProblem('rosa.delgado!!', who)).toMatch(/your name/);
    expect(passwordProblem('atlas atlas 2026', who)).toMatch(/the name of the service/);
  });

  it('accepts long passphrases, including ones that mention the service among other words', () => {
    for (const pw of ['correct horse battery staple', 'atlas demo password', 'offline first, always in sync', 'tulip ladder copper 58']) {
      expect(passwordProblem(pw, { email: 'ada@acme.example', name: 'Ada Lovelace' }), pw).toBeNull();
    }
  });

  it('names the field in the error', () => {
    expect(() => assertAcceptablePassword('password123', {}, 'newPassword')).toThrow(expect.objectContaining({ code: 'validation/invalid-input', issues: [expect.objectContaining({ path: 'newPassword' })] }));
  });
});
