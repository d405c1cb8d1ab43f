import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN_LENGTH } from '../../../shared/auth/schemas';
import { firstInvalid, REGISTER_FIELDS, validateAcceptInvite, validateRegister, validateSignIn } from './auth-validation';

const good = { companyName: 'Northwind Pharmacy', name: 'Ada Lovelace', email: 'ada@northwind.example', password: 'correct horse battery', confirmPassword: 'correct horse battery' };

describe('validateSignIn', () => {
  it('accepts a complete form', () => {
    expect(validateSignIn({ email: 'a@b.co', password: 'x' })).toEqual({});
  });

  it('names each missing field', () => {
    const errors = validateSignIn({ email: 'nope', password: '' });
    expect(errors.email).toMatch(/valid email/);
    expect(errors.password).toBe('Enter your password.');
  });
});

describe('validateRegister', () => {
  it('accepts a complete form', () => {
    expect(validateRegister(good)).toEqual({});
  });

  it('applies the shared password length rule', () => {
    const short = 'x'.repeat(PASSWORD_MIN_LENGTH - 1);
    const errors = validateRegister({ ...good, password: short, confirmPassword: short });
    expect(errors.password).toContain(String(PASSWORD_MIN_LENGTH));
  });

  it('checks that the passwords match', () => {
    expect(validateRegister({ ...good, confirmPassword: 'something else' }).confirmPassword).toBe('The passwords do not match.');
    expect(validateRegister({ ...good, confirmPassword: '' }).confirmPassword).toBe('Enter the password again.');
  });

  it('finds the first invalid field in form order', () => {
    const errors = validateRegister({ ...good, companyName: '', email: 'bad' });
    expect(firstInvalid(REGISTER_FIELDS, errors)).toBe('companyName');
  });
});

describe('validateAcceptInvite', () => {
  const token = 'q0Zk3v9_xY-Abc123def456ghi789jkl012mno345pq';
  const good = { token: `atlas://invite?server=http%3A%2F%2F127.0.0.1%3A4000&token=${token}`, name: 'Tomás Ferreira', password: 'cold chain, warm coffee', confirmPassword: 'cold chain, warm coffee' };

  it('accepts the pasted link or the bare token', () => {
    expect(validateAcceptInvite(good)).toEqual({});
    expect(validateAcceptInvite({ ...good, token })).toEqual({});
  });

  it('names the token, the short password and the mismatch', () => {
    const errors = validateAcceptInvite({ token: '', name: 'T', password: 'short', confirmPassword: 'other' });
    expect(errors.token).toMatch(/Paste the invitation/);
    expect(errors.password).toMatch(new RegExp(`at least ${PASSWORD_MIN_LENGTH}`));
    expect(errors.confirmPassword).toBe('The passwords do not match.');
    expect(validateAcceptInvite({ ...good, token: 'abc' }).token).toMatch(/whole invitation token/);
  });
});
