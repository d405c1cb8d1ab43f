import { eq, sql } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companies, syncClients, syncMutations, users } from '../../db/schema/index';
import { createTestDeps, type TestDeps } from '../../testing/test-deps';
import { arrayLiteral, bulkInsert, rowCount } from './bulk-insert';

let t: TestDeps;
beforeAll(async () => {
  t = await createTestDeps();
});
afterAll(() => t.close());

/** Text that an array literal must carry through untouched. */
const awkward = ['plain', 'He said "hi"', 'back\\slash', '\\"', 'two\nlines', 'comma, and {braces}', 'NULL', 'null', '', '  spaced  ', 'émoji 💊'];

describe('arrayLiteral', () => {
  it('round-trips every awkward text through Postgres, and null as SQL NULL', async () => {
    const values = [...awkward, null];
    // `with ordinality` keeps the order; the cast is what bulkInsert does per column.
    const result = await t.deps.db.execute(sql`select v from unnest(${arrayLiteral(values)}::text[]) with ordinality as u(v, n) order by n`);
    expect((result as unknown as { rows: { v: string | null }[] }).rows.map((r) => r.v)).toEqual(values);
  });
});

describe('bulkInsert', () => {
  it('writes rows exactly as drizzle would, jsonb included, and reports the count', async () => {
    const [company] = await t.deps.db.insert(companies).values({ name: 'Bulk' }).returning();
    const [user] = await t.deps.db.insert(users).values({ email: 'bulk@co.example', name: 'B', passwordHash: 'x' }).returning();
    const clientId = uuidv4();
    await t.deps.db.insert(syncClients).values({ clientId, companyId: company!.id, userId: user!.id });
    const args: unknown[] = [{ note: awkward }, 'just a string', 42, [1, 'two', { three: null }], { nested: { quote: '"', slash: '\\' } }];
    const rows = args.map((a, i) => ({
      clientId,
      seq: i + 1,
      mutationId: uuidv4(),
      companyId: company!.id,
      userId: user!.id,
      name: awkward[i]!,
      args: a,
      status: i % 2 ? ('rejected' as const) : ('applied' as const),
      version: i % 2 ? null : 2 ** 40 + i,
      error: i % 2 ? { code: 'inventory/invalid-movement', message: awkward[i + 1]! } : null,
    }));
    const result = await t.deps.db.execute(bulkInsert(syncMutations, rows));
    expect(rowCount(result)).toBe(rows.length);
    const stored = await t.deps.db.select().from(syncMutations).where(eq(syncMutations.clientId, clientId)).orderBy(syncMutations.seq);
    expect(stored.map(({ appliedAt: _, ...rest }) => rest)).toEqual(rows);
    // applied_at was left out, so its default applied.
    expect(stored.every((r) => r.appliedAt instanceof Date)).toBe(true);
  });

  it('refuses a row that leaves out a column the others set (there is no per-row default)', () => {
    expect(() => bulkInsert(syncClients, [{ clientId: uuidv4(), companyId: uuidv4(), userId: uuidv4(), lastSeq: 1 }, { clientId: uuidv4(), companyId: uuidv4(), userId: uuidv4() }])).toThrow(
      /last_seq is missing/,
    );
  });
});
