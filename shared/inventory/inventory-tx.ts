import type { LocationRow, LotRow, MovementRow, ProductRow, Writable } from './rows';

/**
 * The storage a mutator runs against: the encrypted replica on the desktop (optimistic) and a
 * Postgres transaction on the server (authoritative). Both implement it over their own drizzle
 * tables; the mutators in ./mutators.ts are written once against it (the Replicache/Zero
 * "custom mutator" idea, SYNC.md). Every call is scoped to `companyId`.
 */
export interface InventoryTx {
  readonly companyId: string;
  readonly userId: string;
  /** ISO 8601 UTC time of this write on this side (the server's wins once synced). */
  readonly now: string;
  getProduct(id: string): Promise<ProductRow | null>;
  putProduct(row: Writable<ProductRow>): Promise<void>;
  getLocation(id: string): Promise<LocationRow | null>;
  putLocation(row: Writable<LocationRow>): Promise<void>;
  getLot(id: string): Promise<LotRow | null>;
  putLot(row: Writable<LotRow>): Promise<void>;
  /** Sum of the movements of a lot at a location (levels are derived, never stored). */
  stockLevel(lotId: string, locationId: string): Promise<number>;
  insertMovement(row: Writable<MovementRow>): Promise<void>;
}
