import { importCatalogOf } from '../../../shared/import';
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
  return importCatalogOf(rows);
}
