import { parse as parseUuid, v5 as uuidv5, v7 as uuidv7 } from 'uuid';

/**
 * Ids are made on whichever side creates a row, offline included. New rows get UUIDv7
 * (RFC 9562 §5.7: time-ordered, so B-tree inserts stay local). Rows with a natural key get a
 * name-based UUIDv5 (RFC 9562 §5.5) in the company's namespace, so two terminals that receive
 * the same lot offline produce the same id and their work merges instead of duplicating.
 */
export function newId(): string {
  return uuidv7({ random: randomBytes16() });
}

/**
 * The 16 random bytes UUIDv7 needs, cut from a 4 KiB pool filled by the platform CSPRNG
 * (Web Crypto, in Node and browsers alike): one getRandomValues call per 256 ids instead of one
 * per id, which a 100,000-row import made visible. Each slice is used once.
 */
const POOL = new Uint8Array(4096);
let offset = POOL.length;
function randomBytes16(): Uint8Array {
  if (offset + 16 > POOL.length) {
    globalThis.crypto.getRandomValues(POOL);
    offset = 0;
  }
  const bytes = POOL.slice(offset, offset + 16);
  offset += 16;
  return bytes;
}

export function productIdFor(companyId: string, ndc11: string): string {
  return nameBased(`product:${ndc11}`, companyId);
}

export function lotIdFor(companyId: string, productId: string, lotNumber: string): string {
  // The lot number is used exactly as written: "0012/A" and "12/A" are different lots.
  return nameBased(`lot:${productId}:${lotNumber}`, companyId);
}

export function locationIdFor(companyId: string, warehouse: string, zone: string | null, bin: string | null): string {
  return nameBased(`location:${JSON.stringify([warehouse, zone ?? '', bin ?? ''])}`, companyId);
}

/**
 * UUIDv5 with the company's namespace parsed once, and the last answer kept: a bulk import
 * derives the same lot id twice per row (the receive, then the import line) and a whole file's
 * ids in one company, and both parse and SHA-1 showed up in its profile.
 */
let namespace = { id: '', bytes: new Uint8Array(16) };
let last = { name: '', companyId: '', id: '' };
function nameBased(name: string, companyId: string): string {
  if (last.name === name && last.companyId === companyId) return last.id;
  if (namespace.id !== companyId) namespace = { id: companyId, bytes: parseUuid(companyId) };
  const id = uuidv5(name, namespace.bytes);
  last = { name, companyId, id };
  return id;
}
