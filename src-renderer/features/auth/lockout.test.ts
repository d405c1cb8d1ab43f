import { describe, expect, it } from 'vitest';
import { formatWait, lockoutOf, spokenWait } from './lockout';

const failure = (app: Record<string, unknown>) => ({ data: { app } });

describe('lockout', () => {
  it('reads the wait from an MFA lockout or a rate limit', () => {
    expect(lockoutOf(failure({ code: 'auth/mfa-locked', message: 'Too many codes.', retryAfterSeconds: 272 }), 1_000)).toEqual({ until: 273_000, seconds: 272, message: 'Too many codes.' });
    expect(lockoutOf(failure({ code: 'rate-limit/exceeded', message: 'Slow down.', retryAfterSeconds: 0.2 }), 0)?.until).toBe(1_000);
    expect(lockoutOf(failure({ code: 'auth/mfa-locked', message: 'Locked.' }), 0)?.until).toBe(300_000);
  });

  it('is null for any other refusal', () => {
    expect(lockoutOf(failure({ code: 'auth/mfa-invalid', message: 'Wrong code.' }), 0)).toBeNull();
    expect(lockoutOf(new Error('boom'), 0)).toBeNull();
  });

  it('formats the countdown', () => {
    expect(formatWait(272)).toBe('4:32');
    expect(formatWait(59.2)).toBe('1:00');
    expect(formatWait(5)).toBe('0:05');
    expect(formatWait(-3)).toBe('0:00');
    expect(formatWait(3725)).toBe('1:02:05');
    expect(spokenWait(272)).toBe('4 minutes 32 seconds');
    expect(spokenWait(60)).toBe('1 minute');
    expect(spokenWait(0)).toBe('0 seconds');
  });
});
