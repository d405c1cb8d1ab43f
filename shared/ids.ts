import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';

/**
 * Ids are made on whichever side creates a row, offline included. New rows get UUIDv7
 * (RFC 9562 §5.7: time-ordered, so B-tree inserts stay local). Rows with a natural key get a
 * name-based UUIDv5 (RFC 9562 §5.5) in the company's namespace, so two terminals that receive
 * the same lot offline produce the same id and their work merges instead of duplicating.
 */
export function newId(): string {
  return uuidv7();
}

export function productIdFor(companyId: string, ndc11: string): string {
  return uuidv5(`product:${ndc11}`, companyId);
}

export function lotIdFor(companyId: string, productId: string, lotNumber: string): string {
  // The lot number is used exactly as written: "0012/A" and "12/A" are different lots.
  return uuidv5(`lot:${productId}:${lotNumber}`, companyId);
}

export function locationIdFor(companyId: string, warehouse: string, zone: string | null, bin: string | null): string {
  return uuidv5(`location:${JSON.stringify([warehouse, zone ?? '', bin ?? ''])}`, companyId);
}
