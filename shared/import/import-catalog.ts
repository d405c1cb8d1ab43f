import type { CatalogProduct, ImportCatalog } from './types';

/** The key of the catalog's "case- and space-insensitive exact name match". */
export function productNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** An ImportCatalog over products already in memory (the replica's product list, or a test's). */
export function importCatalogOf(products: Iterable<CatalogProduct>): ImportCatalog {
  const byNdc = new Map<string, CatalogProduct>();
  const byGtin = new Map<string, CatalogProduct>();
  const byName = new Map<string, CatalogProduct[]>();
  for (const product of products) {
    if (product.ndc11) byNdc.set(product.ndc11, product);
    if (product.gtin) byGtin.set(product.gtin, product);
    const key = productNameKey(product.name);
    const named = byName.get(key);
    if (named) named.push(product);
    else byName.set(key, [product]);
  }
  return {
    byNdc11: (ndc11) => byNdc.get(ndc11) ?? null,
    byGtin: (gtin) => byGtin.get(gtin) ?? null,
    byName: (name) => byName.get(productNameKey(name)) ?? [],
    ndc11s: () => byNdc.keys(),
  };
}
