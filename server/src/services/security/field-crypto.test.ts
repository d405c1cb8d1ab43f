import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blindIndex } from './blind-index';
import { decryptField, encryptField, fieldKeyId, makeKeyring } from './field-crypto';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const ctx = { column: 'users.email', rowId: '5d3b0b8e-0000-4000-8000-000000000001' };

describe('field encryption (AES-256-GCM, key id, row-bound AAD)', () => {
  it('round-trips, with a fresh IV each time', () => {
    const ring = makeKeyring('2026-11', { '2026-11': k1 });
    const a = encryptField(ring, 'rosa@harbor.example', ctx);
    const b = encryptField(ring, 'rosa@harbor.example', ctx);
    expect(a).not.toBe(b);
    expect(a).not.toContain('rosa');
    expect(decryptField(ring, a, ctx)).toBe('rosa@harbor.example');
    expect(fieldKeyId(a)).toBe('2026-11');
  });

  it('rotates without downtime: old values still decrypt under their key id, new ones use the active key', () => {
    const old = encryptField(makeKeyring('k1', { k1 }), '+1 555 0100', ctx);
    const ring = makeKeyring('k2', { k1, k2 });
    expect(decryptField(ring, old, ctx)).toBe('+1 555 0100');
    expect(fieldKeyId(encryptField(ring, '+1 555 0100', ctx))).toBe('k2');
    expect(() => decryptField(makeKeyring('k2', { k2 }), old, ctx)).toThrow(/uses key "k1", which is not configured/);
  });

  it('refuses a value moved to another row or column, or altered by one bit', () => {
    const ring = makeKeyring('k1', { k1 });
    const stored = encryptField(ring, 'DEA AB1234563', ctx);
    expect(() => decryptField(ring, stored, { ...ctx, rowId: 'another' })).toThrow(/altered or moved/);
    expect(() => decryptField(ring, stored, { ...ctx, column: 'users.phone' })).toThrow(/altered or moved/);
    const parts = stored.split('.');
    const body = Buffer.from(parts[3] as string, 'base64url');
    body[0] = (body[0] as number) ^ 1;
    expect(() => decryptField(ring, [parts[0], parts[1], parts[2], body.toString('base64url')].join('.'), ctx)).toThrow(/altered or moved/);
  });

  it('refuses bad key configuration loudly', () => {
    expect(() => makeKeyring('k1', { k1: randomBytes(16) })).toThrow(/must be 32 bytes/);
    expect(() => makeKeyring('k9', { k1 })).toThrow(/not among the configured keys/);
  });
});

describe('blind index', () => {
  it('matches the same email however it is typed, differs by key and by column', () => {
    const key = randomBytes(32);
    expect(blindIndex(key, 'users.email', ' Rosa@Harbor.example ')).toBe(blindIndex(key, 'users.email', 'rosa@harbor.example'));
    expect(blindIndex(key, 'users.email', 'rosa@harbor.example')).not.toBe(blindIndex(randomBytes(32), 'users.email', 'rosa@harbor.example'));
    expect(blindIndex(key, 'users.email', 'x')).not.toBe(blindIndex(key, 'users.phone', 'x'));
  });
});
