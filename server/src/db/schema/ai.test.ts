import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../client';
import { migrateDatabase } from '../migrate';
import { aiUsage } from './ai';
import { companies } from './accounts';

// Migration 0002_ai_usage: the companies.tier column and the ai_usage table, checked in the database.
describe('migration 0002_ai_usage', () => {
  let database: OpenDatabase;
  const company = '00000000-0000-4000-8000-00000000000a';
  const user = '00000000-0000-4000-8000-00000000000b';
  beforeAll(async () => {
    database = await openDatabase({ pgliteDir: 'memory://', databaseUrl: undefined });
    await migrateDatabase(database);
    await database.db.execute(sql`insert into companies (id, name) values (${company}, 'Acme')`);
    await database.db.execute(sql`insert into users (id, email, name, password_hash) values (${user}, 'a@acme.example', 'A', 'x')`);
  });
  afterAll(() => database.close());

  it('puts existing and new companies on the free tier, and allows only known tiers', async () => {
    expect(await database.db.select({ tier: companies.tier }).from(companies).where(eq(companies.id, company))).toEqual([{ tier: 'free' }]);
    await database.db.execute(sql`update companies set tier = 'enterprise' where id = ${company}`);
    await expect(database.db.execute(sql`update companies set tier = 'platinum' where id = ${company}`)).rejects.toThrow();
  });

  it('records usage rows as pending by default and refuses unknown outcomes, features and negative tokens', async () => {
    const rows = await database.db
      .insert(aiUsage)
      .values({ companyId: company, userId: user, feature: 'import-mapping', model: 'claude-haiku-4-5' })
      .returning({ outcome: aiUsage.outcome, billed: aiUsage.billed });
    expect(rows).toEqual([{ outcome: 'pending', billed: false }]);
    const insert = (feature: string, outcome: string, tokens: number) =>
      database.db.execute(sql`insert into ai_usage (company_id, user_id, feature, model, outcome, input_tokens) values (${company}, ${user}, ${feature}, 'm', ${outcome}, ${tokens})`);
    await expect(insert('import-mapping', 'done', 1)).rejects.toThrow();
    await expect(insert('chat', 'ok', 1)).rejects.toThrow();
    await expect(insert('import-mapping', 'ok', -1)).rejects.toThrow();
    await expect(database.db.execute(sql`insert into ai_usage (company_id, user_id, feature, model) values ('00000000-0000-4000-8000-0000000000ff', ${user}, 'import-mapping', 'm')`)).rejects.toThrow();
  });
});
