import type { InventoryTx } from '../../../shared/inventory/inventory-tx';
import type { LocationRow, ProductRow, Writable } from '../../../shared/inventory/rows';

/**
 * An InventoryTx that remembers products and locations for the length of one import batch: a
 * receive looks both up on every row, and a 100,000-row file names a few hundred of each.
 * Writes go through and refresh the memory; lots and movements are never cached.
 */
export class CachingInventoryTx implements InventoryTx {
  private readonly products = new Map<string, ProductRow | null>();
  private readonly locations = new Map<string, LocationRow | null>();

  constructor(private readonly inner: InventoryTx) {}

  get companyId() {
    return this.inner.companyId;
  }
  get userId() {
    return this.inner.userId;
  }
  get now() {
    return this.inner.now;
  }

  async getProduct(id: string) {
    if (!this.products.has(id)) this.products.set(id, await this.inner.getProduct(id));
    return this.products.get(id) ?? null;
  }
  async putProduct(row: Writable<ProductRow>) {
    this.products.delete(row.id);
    await this.inner.putProduct(row);
  }
  async getLocation(id: string) {
    if (!this.locations.has(id)) this.locations.set(id, await this.inner.getLocation(id));
    return this.locations.get(id) ?? null;
  }
  async putLocation(row: Writable<LocationRow>) {
    this.locations.delete(row.id);
    await this.inner.putLocation(row);
  }
  getLot: InventoryTx['getLot'] = (id) => this.inner.getLot(id);
  putLot: InventoryTx['putLot'] = (row) => this.inner.putLot(row);
  stockLevel: InventoryTx['stockLevel'] = (lotId, locationId) => this.inner.stockLevel(lotId, locationId);
  insertMovement: InventoryTx['insertMovement'] = (row) => this.inner.insertMovement(row);
}
