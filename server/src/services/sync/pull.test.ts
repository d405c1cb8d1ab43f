import { and, asc, eq, gt, lte } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullOutput } from '../../../../shared/sync/protocol';
import { companies, companyVersions, locations, lots, products, stockMovements, users } from '../../db/schema/index';
import { createTestDeps, type TestDeps } from '../../testing/test-deps';
import type { AccessClaims } from '../auth/tokens';
import { changedRows } from './pull-rows';
import { pull } from './pull';

let t: TestDeps;
let auth: AccessClaims;
beforeAll(async () => {
  t = await createTestDeps();
  const [company] = await t.deps.db.insert(companies).values({ name: 'Pull Co' }).returning();
  const [user] = await t.deps.db.insert(users).values({ email: 'pull@co.example', name: 'P', passwordHash: 'x' }).returning();
  auth = { companyId: company!.id, userId: user!.id, role: 'admin' };
  await seed(auth.companyId);
});
afterAll(() => t.close());

/** Awkward values: quotes, backslashes, newlines, non-ASCII, nulls, extreme dates, µs timestamps. */
const odd = ['He said "hi"', 'back\\slash', 'two\nlines', 'émoji 💊', '{a,b}', 'NULL', ''];
const BIG = 2 ** 40;

async function seed(companyId: string): Promise<void> {
  const db = t.deps.db;
  const p = Array.from({ length: 7 }, (_, i) => ({
    id: uuidv4(), companyId, version: 1 + (i % 3), deleted: i === 2, ndc11: i % 2 ? null : `0000000000${i}`, gtin: null, name: odd[i]!,
    genericName: odd[(i + 1) % 7], manufacturer: null, strength: '10 mg', dosageForm: null, category: null, schedule: i === 1 ? 'CII' : null, coldChain: i % 2 === 0, unit: 'each',
  }));
  await db.insert(products).values(p);
  const l = Array.from({ length: 4 }, (_, i) => ({ id: uuidv4(), companyId, version: 2 + i, warehouse: odd[i]!, zone: i ? null : 'Z', bin: odd[6 - i] }));
  await db.insert(locations).values(l);
  const lt = Array.from({ length: 6 }, (_, i) => ({
    id: uuidv4(), companyId, version: i === 5 ? BIG : 3, productId: p[i % 7]!.id, lotNumber: i ? `0012/${odd[i]}` : 'L1', expiry: ['0001-01-01', '9999-12-31', '2028-02-29'][i % 3]!,
    manufacturedOn: i % 2 ? null : '2024-01-31', status: i === 4 ? 'recalled' : 'available',
  }));
  await db.insert(lots).values(lt);
  const m = Array.from({ length: 8 }, (_, i) => ({
    id: uuidv4(), companyId, version: 4, lotId: lt[i % 6]!.id, locationId: l[i % 4]!.id, kind: i % 2 ? 'pick' : 'receive', quantity: i % 2 ? -2_147_483_648 : 2_147_483_647,
    reason: i ? odd[i % 7] : null, externalRef: null, serial: null, discrepancy: i === 3, createdBy: i ? auth.userId : null,
    occurredAt: ['2026-03-01T12:00:00.123456Z', '1999-12-31T23:59:59Z', '2026-07-01T00:00:00.5+02:00'][i % 3]!,
  }));
  await db.insert(stockMovements).values(m);
  await db.insert(companyVersions).values({ companyId, version: BIG });
}

describe('changedRows', () => {
  it('returns exactly what reading the rows through drizzle returns', async () => {
    const [cursor, upTo] = [0, BIG];
    await t.deps.db.transaction(async (tx) => {
      const range = <T extends typeof products | typeof locations | typeof lots | typeof stockMovements>(tb: T) =>
        and(eq(tb.companyId, auth.companyId), gt(tb.version, cursor), lte(tb.version, upTo));
      const byRows = {
        products: await tx.select().from(products).where(range(products)).orderBy(asc(products.version), asc(products.id)),
        locations: await tx.select().from(locations).where(range(locations)).orderBy(asc(locations.version), asc(locations.id)),
        lots: await tx.select().from(lots).where(range(lots)).orderBy(asc(lots.version), asc(lots.id)),
        movements: (await tx.select().from(stockMovements).where(range(stockMovements)).orderBy(asc(stockMovements.version), asc(stockMovements.id))).map((r) => ({
          ...r,
          occurredAt: new Date(r.occurredAt).toISOString(),
        })),
      };
      const byJson = await changedRows(tx, auth.companyId, cursor, upTo);
      expect(byJson).toEqual(byRows);
      expect(byJson.products).toHaveLength(7);
      expect(byJson.movements.map((m) => m.occurredAt)).toContain('2026-03-01T12:00:00.123Z');
      expect(byJson.lots.map((l) => l.version)).toContain(BIG);
      // Key order too: the JSON the client receives is byte-for-byte what it was.
      expect(JSON.stringify(byJson)).toBe(JSON.stringify(byRows));
    });
  });

  it('gives empty lists for an empty range', async () => {
    await t.deps.db.transaction(async (tx) => {
      expect(await changedRows(tx, auth.companyId, 10, 20)).toEqual({ products: [], locations: [], lots: [], movements: [] });
    });
  });
});

describe('pull', () => {
  it('pages whole versions and validates against the protocol', async () => {
    const seen: number[] = [];
    let cursor = 0;
    for (let pages = 0; ; pages++) {
      const page = pullOutput.parse(await pull(t.deps.db, auth, { clientId: uuidv4(), cursor, limit: 5 }));
      const versions = [...page.products, ...page.locations, ...page.lots, ...page.movements].map((r) => r.version);
      expect(versions.every((v) => v > cursor && v <= page.cursor)).toBe(true);
      seen.push(...versions);
      cursor = page.cursor;
      if (!page.hasMore) break;
      expect(pages).toBeLessThan(20);
    }
    expect(seen).toHaveLength(7 + 4 + 6 + 8);
  });
});
