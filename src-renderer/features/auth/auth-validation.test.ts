import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN_LENGTH } from '../../../shared/auth/schemas';
import { firstInvalid, REGISTER_FIELDS, validateRegister, validateSignIn } from './auth-validation';

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
