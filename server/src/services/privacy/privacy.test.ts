import { randomBytes, randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { companies, invitations, users } from '../../db/schema/index';
import { freshDatabasePerTest } from '../../testing/fresh-database';
import { makeKeyring } from '../security/field-crypto';
import { backfillEmailEncryption } from './backfill';
import { createPiiCodec, isSealed } from './pii';
import { reencryptAll } from './reencrypt';
import { reindexAll } from './reindex';

const fresh = freshDatabasePerTest();
const key = () => Uint8Array.from(randomBytes(32));

describe('PII codec', () => {
  const codec = createPiiCodec(makeKeyring('k1', { k1: key() }), makeKeyring('i1', { i1: key() }));

  it('seals with the column and row bound in, and opens only there', () => {
    const sealed = codec.seal('users.email', 'u1', 'ada@example.com');
    expect(sealed).toMatch(/^v1\.k1\./);
    expect(sealed).not.toContain('ada');
    expect(codec.seal('users.email', 'u1', 'ada@example.com')).not.toBe(sealed); // fresh IV each time
    expect(codec.open('users.email', 'u1', sealed)).toBe('ada@example.com');
    expect(() => codec.open('users.email', 'u2', sealed)).toThrow(/failed authentication/);
    expect(() => codec.open('invitations.email', 'u1', sealed)).toThrow(/failed authentication/);
    expect(codec.sealNullable('users.phone', 'u1', null)).toBeNull();
    expect(codec.openNullable('users.phone', 'u1', null)).toBeNull();
    expect(isSealed(sealed)).toBe(true);
    expect(isSealed('ada@example.com')).toBe(false);
  });

  it('indexes emails deterministically, case-insensitively, per column and per key', () => {
    const a = codec.index('users.email', 'Ada@Example.com ');
    expect(a).toBe(codec.index('users.email', 'ada@example.com'));
    expect(a).not.toBe(codec.index('invitations.email', 'ada@example.com'));
    expect(a).not.toBe(createPiiCodec(codec.keyring, makeKeyring('i1', { i1: key() })).index('users.email', 'ada@example.com'));
    expect(a).not.toContain('ada');
  });
});

describe('backfillEmailEncryption', () => {
  it('encrypts and indexes emails left in clear, once', async () => {
    const { db } = await fresh();
    const pii = createPiiCodec(makeKeyring('k1', { k1: key() }), makeKeyring('i1', { i1: key() }));
    const [company] = await db.insert(companies).values({ name: 'Old Co' }).returning();
    const plain = await db.insert(users).values([1, 2, 3].map((n) => ({ email: `p${n}@old.example`, name: `P${n}`, passwordHash: 'x' }))).returning();
    await db.insert(invitations).values({ companyId: company!.id, email: 'inv@old.example', role: 'qa', tokenHash: 't', invitedBy: plain[0]!.id, expiresAt: new Date(Date.now() + 1e6) });
    expect(await backfillEmailEncryption(db, pii, 2)).toEqual({ users: 3, invitations: 1 });
    for (const row of await db.select().from(users)) {
      expect(isSealed(row.email)).toBe(true);
      expect(row.emailIndex).toBe(pii.index('users.email', pii.open('users.email', row.id, row.email)));
    }
    const [inv] = await db.select().from(invitations);
    expect(pii.open('invitations.email', inv!.id, inv!.email)).toBe('inv@old.example');
    const before = await db.select({ email: users.email }).from(users);
    expect(await backfillEmailEncryption(db, pii)).toEqual({ users: 0, invitations: 0 });
    expect(await db.select({ email: users.email }).from(users)).toEqual(before);
  });
});

describe('reencryptAll', () => {
  it('moves every value to the active key, skipping what is current, and never overwrites a concurrent change', async () => {
    const { db } = await fresh();
    const k1 = key();
    const indexKey = makeKeyring('i1', { i1: key() });
    const old = createPiiCodec(makeKeyring('k1', { k1 }), indexKey);
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    await db.insert(users).values(ids.map((id, n) => ({ id, email: old.seal('users.email', id, `u${n}@x.example`), emailIndex: old.index('users.email', `u${n}@x.example`), phone: n === 0 ? old.seal('users.phone', id, '+1 555 0100') : null, name: `U${n}`, passwordHash: 'x' })));
    const [company] = await db.insert(companies).values({ name: 'C' }).returning({ id: companies.id });
    await db.update(companies).set({ address: old.seal('companies.address', company!.id, '1 Main St') }).where(eq(companies.id, company!.id));

    const ring = makeKeyring('k2', { k2: key(), k1 });
    const next = createPiiCodec(ring, indexKey);
    // One row already written under k2 by a running server.
    await db.update(users).set({ email: next.seal('users.email', ids[2]!, 'u2@x.example') }).where(eq(users.id, ids[2]!));
    const counts = await reencryptAll(db, ring, { batchSize: 1 });
    expect(counts.find((c) => c.column === 'users.email')).toEqual({ column: 'users.email', reencrypted: 2, skipped: 0 });
    expect(counts.find((c) => c.column === 'users.phone')?.reencrypted).toBe(1);
    expect(counts.find((c) => c.column === 'companies.address')?.reencrypted).toBe(1);
    const onlyK2 = createPiiCodec(makeKeyring('k2', { k2: ring.keys.get('k2')! }), indexKey);
    const rows = await db.select().from(users).orderBy(users.name);
    expect(rows.map((r) => onlyK2.open('users.email', r.id, r.email))).toEqual(['u0@x.example', 'u1@x.example', 'u2@x.example']);
    expect(onlyK2.open('users.phone', rows[0]!.id, rows[0]!.phone!)).toBe('+1 555 0100');
    expect((await reencryptAll(db, ring)).every((c) => c.reencrypted === 0)).toBe(true);
    const left = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(sql`${users.email} like 'v1.k1.%'`);
    expect(left[0]?.n).toBe(0);
  });
});

describe('reindexAll', () => {
  it('recomputes every index value made with an older index key, leaves current ones, and the old key can then go', async () => {
    const { db } = await fresh();
    const i1 = key();
    const data = makeKeyring('k1', { k1: key() });
    const old = createPiiCodec(data, makeKeyring('i1', { i1 }));
    const ids = [randomUUID(), randomUUID()];
    await db.insert(users).values(ids.map((id, n) => ({ id, email: old.seal('users.email', id, `u${n}@x.example`), emailIndex: old.index('users.email', `u${n}@x.example`), name: `U${n}`, passwordHash: 'x' })));
    const rotated = createPiiCodec(data, makeKeyring('i2', { i2: key(), i1 }));
    // A lookup matches under either key while the rotation runs.
    expect(rotated.indexCandidates('users.email', 'U0@x.example')).toEqual([rotated.index('users.email', 'u0@x.example'), old.index('users.email', 'u0@x.example')]);
    // One row already re-indexed by a running server.
    await db.update(users).set({ emailIndex: rotated.index('users.email', 'u1@x.example') }).where(eq(users.id, ids[1]!));
    expect(await reindexAll(db, rotated, { batchSize: 1 })).toEqual([
      { column: 'users.email', reindexed: 1, skipped: 0 },
      { column: 'invitations.email', reindexed: 0, skipped: 0 },
    ]);
    const stored = (await db.select({ emailIndex: users.emailIndex }).from(users).orderBy(users.name)).map((r) => r.emailIndex);
    expect(stored).toEqual(['u0@x.example', 'u1@x.example'].map((e) => rotated.index('users.email', e)));
    expect((await reindexAll(db, rotated)).every((c) => c.reindexed === 0)).toBe(true);
  });
});
