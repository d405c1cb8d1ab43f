import type { CatalogProduct, ImportCatalog } from '../../../shared/import/types';
import type { ReplicaDb } from '../replica/open-replica';

/**
 * The company's products on the replica, indexed for an import: NDC repair and product
 * resolution run against what this terminal knows, so an import validates offline.
 */
export function replicaImportCatalog(db: ReplicaDb, companyId: string): ImportCatalog {
  const rows = db.$client
    .prepare('SELECT id, ndc11, gtin, name FROM products WHERE company_id = ? AND deleted = 0')
    .all(companyId) as CatalogProduct[];
  return catalogOf(rows);
}

export function catalogOf(rows: readonly CatalogProduct[]): ImportCatalog {
  const byNdc = new Map<string, CatalogProduct>();
  const byGtin = new Map<string, CatalogProduct>();
  const byName = new Map<string, CatalogProduct[]>();
  for (const p of rows) {
    if (p.ndc11) byNdc.set(p.ndc11, p);
    if (p.gtin) byGtin.set(p.gtin, p);
    const key = nameKey(p.name);
    byName.set(key, [...(byName.get(key) ?? []), p]);
  }
  return {
    byNdc11: (ndc11) => byNdc.get(ndc11) ?? null,
    byGtin: (gtin) => byGtin.get(gtin) ?? null,
    byName: (name) => byName.get(nameKey(name)) ?? [],
    ndc11s: () => byNdc.keys(),
  };
}

const nameKey = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
