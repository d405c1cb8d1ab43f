import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OsKeychain } from '../src-main/core/keystore/os-keychain';
import { openReplica, replicaKeyName } from '../src-main/core/replica/open-replica';
import { listStock } from '../src-main/core/inventory/stock-query';
import { locations, lots, products, stockMovements } from '../src-main/db/schema';
import { measure, type Figure } from './measure';

/** Encrypted replica: cold open (keychain read + decrypt + migrations check) and the stock query. */
export async function replicaBench(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  const file = join(dir, 'replica.db');
  const keys = new OsKeychain(`atlas-bench-${process.pid}`);
  keys.probe();
  try {
    const companyId = randomUUID();
    const replica = openReplica({ file, keyStore: keys });
    const LOTS = 2_000;
    const LOCATIONS = 20;
    const MOVEMENTS = 50_000;
    const productIds = Array.from({ length: 200 }, () => randomUUID());
    const locationIds = Array.from({ length: LOCATIONS }, () => randomUUID());
    const lotIds = Array.from({ length: LOTS }, () => randomUUID());
    replica.sqlite.transaction(() => {
      productIds.forEach((id, i) => replica.db.insert(products).values({ id, companyId, name: `Product ${i}`, ndc11: String(10_000_000_000 + i) }).run());
      locationIds.forEach((id, i) => replica.db.insert(locations).values({ id, companyId, warehouse: 'Main', bin: `B-${i}` }).run());
      lotIds.forEach((id, i) =>
        replica.db.insert(lots).values({ id, companyId, productId: productIds[i % productIds.length]!, lotNumber: `L${i}`, expiry: `2027-0${(i % 9) + 1}-15` }).run(),
      );
      for (let i = 0; i < MOVEMENTS; i++) {
        replica.db
          .insert(stockMovements)
          .values({ id: randomUUID(), companyId, lotId: lotIds[i % LOTS]!, locationId: locationIds[i % LOCATIONS]!, kind: 'receive', quantity: 10 })
          .run();
      }
    })();
    replica.close();

    const figures: Figure[] = [];
    figures.push(
      await measure('replica.open_ms', 'ms', 20, () => {
        openReplica({ file, keyStore: keys }).close();
      }),
    );
    const warm = openReplica({ file, keyStore: keys });
    figures.push(
      await measure(`stock.list_ms (${MOVEMENTS} movements, ${LOTS} lots × ${LOCATIONS} locations)`, 'ms', 10, () => {
        listStock(warm.db, { companyId });
      }),
    );
    warm.close();
    return figures;
  } finally {
    keys.delete(replicaKeyName(file));
    rmSync(dir, { recursive: true, force: true });
  }
}
