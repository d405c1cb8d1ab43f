import { describe, expect, it } from 'vitest';
import { instanceSecrets } from '../../db/schema/index';
import { freshDatabasePerTest } from '../../testing/fresh-database';
import { decryptField, encryptField, makeKeyring } from '../security/field-crypto';
import { resolveBlindIndexKeyring, resolveDataKeyring } from './data-key';
import { hashBackupCode, normaliseBackupCode } from './mfa';

const fresh = freshDatabasePerTest();

describe('resolveDataKeyring', () => {
  it('uses the configured key (ATLAS_DATA_KEY) and stores nothing', async () => {
    const { db } = await fresh();
    const keyring = await resolveDataKeyring(db, { nodeEnv: 'production', dataKey: new Uint8Array(32).fill(7) });
    expect(keyring.activeKeyId).toBe('k1');
    expect(await db.select().from(instanceSecrets)).toEqual([]);
  });

  it('generates one development key that every instance shares', async () => {
    const { db } = await fresh();
    const [a, b] = await Promise.all([resolveDataKeyring(db, { nodeEnv: 'development' }), resolveDataKeyring(db, { nodeEnv: 'development' })]);
    const sealed = encryptField(a as NonNullable<typeof a>, 'JBSWY3DPEHPK3PXP', { column: 'user_mfa.totp_secret', rowId: 'u1' });
    expect(decryptField(b as NonNullable<typeof b>, sealed, { column: 'user_mfa.totp_secret', rowId: 'u1' })).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses production without a configured key', async () => {
    const { db } = await fresh();
    await expect(resolveDataKeyring(db, { nodeEnv: 'production' })).rejects.toMatchObject({ code: 'config/invalid' });
  });
});

describe('backup code hashes', () => {
  it('are keyed, per user, insensitive to case and hyphen, and tagged with the key id', async () => {
    const { db } = await fresh();
    const keyring = await resolveDataKeyring(db, { nodeEnv: 'test', dataKey: new Uint8Array(32).fill(1) });
    const other = await resolveDataKeyring(db, { nodeEnv: 'test', dataKey: new Uint8Array(32).fill(2) });
    const h = hashBackupCode(keyring, 'k1', 'user-a', 'abcd-efgh');
    expect(h).toMatch(/^k1\.[A-Za-z0-9_-]{43}$/);
    expect(hashBackupCode(keyring, 'k1', 'user-a', 'ABCDEFGH')).toBe(h);
    expect(hashBackupCode(keyring, 'k1', 'user-b', 'abcd-efgh')).not.toBe(h);
    expect(hashBackupCode(other, 'k1', 'user-a', 'abcd-efgh')).not.toBe(h);
    expect(normaliseBackupCode(' AbCd-EfGh ')).toBe('abcdefgh');
  });
});

describe('resolveBlindIndexKeyring', () => {
  it('uses the configured keys, generates one shared development key, and refuses production without one', async () => {
    const { db } = await fresh();
    const configured = new Uint8Array(32).fill(5);
    expect(await resolveBlindIndexKeyring(db, { nodeEnv: 'production', blindIndexKeys: configured })).toEqual({ activeKeyId: 'i1', keys: new Map([['i1', configured]]) });
    const rotated = makeKeyring('i2', { i2: new Uint8Array(32).fill(6), i1: configured });
    expect(await resolveBlindIndexKeyring(db, { nodeEnv: 'production', blindIndexKeys: rotated })).toBe(rotated);
    const [a, b] = await Promise.all([resolveBlindIndexKeyring(db, { nodeEnv: 'development' }), resolveBlindIndexKeyring(db, { nodeEnv: 'development' })]);
    expect(a).toEqual(b);
    expect(a.activeKeyId).toBe('dev');
    expect(a.keys.get('dev')).toHaveLength(32);
    // Separate from the generated data key.
    const ring = await resolveDataKeyring(db, { nodeEnv: 'development' });
    expect(ring.keys.get('dev')).not.toEqual(a.keys.get('dev'));
    await expect(resolveBlindIndexKeyring(db, { nodeEnv: 'production' })).rejects.toMatchObject({ code: 'config/invalid' });
  });
});
