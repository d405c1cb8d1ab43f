import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { companyVersions } from '../../db/schema/index';

/**
 * Takes the company's next version inside the caller's transaction. The counter row stays locked
 * until that transaction ends, so writers of one company commit in version order and a pull's
 * cursor never skips a row that commits late (SYNC.md: not a plain sequence).
 */
export async function nextCompanyVersion(tx: Executor, companyId: string): Promise<number> {
  const [row] = await tx
    .insert(companyVersions)
    .values({ companyId, version: 1 })
    .onConflictDoUpdate({ target: companyVersions.companyId, set: { version: sql`${companyVersions.version} + 1` } })
    .returning({ version: companyVersions.version });
  if (!row) throw new Error('company_versions upsert returned no row');
  return row.version;
}

export async function currentCompanyVersion(tx: Executor, companyId: string): Promise<number> {
  const rows = await tx.select({ version: companyVersions.version }).from(companyVersions).where(sql`${companyVersions.companyId} = ${companyId}`);
  return rows[0]?.version ?? 0;
}
