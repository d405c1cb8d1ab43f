import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listStock } from '../src-main/core/inventory/stock-query';
import { OsKeychain } from '../src-main/core/keystore/os-keychain';
import { openReplica, replicaKeyName } from '../src-main/core/replica/open-replica';
import { DRUGS } from '../server/src/cli/demo/drug-list';
import { LABELERS } from '../server/src/cli/demo/demo-labelers';
import { measure, type Figure } from './measure';


/**
 * Local search (issue 3 target: p95 ≤ 5 ms over 1,000,000 lots): the stock screen's query —
 * FTS5 match, joins, sum of movements per lot × location — on the encrypted replica.
 */
export async function searchBench(lotCount = 1_000_000): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-search-'));
  const file = join(dir, 'replica.db');
  const keys = new OsKeychain(`atlas-bench-search-${process.pid}`);
  keys.probe();
  const companyId = randomUUID();
  try {
    const replica = openReplica({ file, keyStore: keys });
    const { sqlite } = replica;
    const product = sqlite.prepare('INSERT INTO products (id, company_id, version, ndc11, gtin, name, generic_name, manufacturer, unit) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)');
    const location = sqlite.prepare('INSERT INTO locations (id, company_id, version, warehouse, zone, bin) VALUES (?, ?, 1, ?, ?, ?)');
    const lot = sqlite.prepare('INSERT INTO lots (id, company_id, version, product_id, lot_number, expiry, status) VALUES (?, ?, 1, ?, ?, ?, ?)');
    const move = sqlite.prepare("INSERT INTO stock_movements (id, company_id, version, lot_id, location_id, kind, quantity) VALUES (?, ?, 1, ?, ?, 'receive', ?)");
    const products = Array.from({ length: 5_000 }, () => randomUUID());
    const locations = Array.from({ length: 500 }, () => randomUUID());
    sqlite.transaction(() => {
      // A realistic catalogue: the demo's real generic names, strengths and dosage forms, and its
      // labelers — so a word is not in every row, as it never is in a real formulary.
      products.forEach((id, i) => {
        const drug = DRUGS[i % DRUGS.length] as (typeof DRUGS)[number];
        const strength = drug.strengths[i % drug.strengths.length] ?? '';
        const ndc = String(10_000_000_000 + i * 7919).slice(0, 11);
        const labeler = LABELERS[(i * 7) % LABELERS.length]?.name ?? '';
        product.run(id, companyId, ndc, `00${ndc}0`.slice(0, 14), `${drug.generic} ${strength} ${drug.form}`, drug.generic, labeler, 'each');
      });
      locations.forEach((id, i) => location.run(id, companyId, `Warehouse ${i % 5}`, `Z${i % 20}`, `BIN-${i}`));
      for (let i = 0; i < lotCount; i++) {
        const lotId = randomUUID();
        lot.run(lotId, companyId, products[i % products.length], `L${String(i).padStart(7, '0')}`, `202${7 + (i % 3)}-0${1 + (i % 9)}-15`, 'available');
        move.run(randomUUID(), companyId, lotId, locations[i % locations.length], 1 + (i % 100));
      }
    })();
    sqlite.pragma('optimize');
    const figures: Figure[] = [];
    // What people type: a lot number, part of a name and a strength, an NDC fragment, a maker, a
    // generic plus the start of a lot number, a GTIN.
    const queries = ['L0123456', 'amlod 10', '1000791', 'Kestrel', 'metformin L09', '00100007910', 'heparin', 'ondansetron 4 mg'];
    let i = 0;
    figures.push(
      await measure(`stock.search_ms over ${lotCount.toLocaleString('en-US')} lots (FTS5 + sum of movements, mixed queries, ≤50 lines)`, 'ms', 200, () => {
        listStock(replica.db, { companyId, search: queries[i++ % queries.length], limit: 50 });
      }),
    );
    // The stock screen's first view (and the status bar): the lines expiring soonest, up to the
    // list's cap; then one product's lines, which the pick screen asks for on every scan.
    figures.push(
      await measure(`stock.list_all_ms over ${lotCount.toLocaleString('en-US')} lots (the stock screen unfiltered: the 5,000 lines expiring soonest)`, 'ms', 20, () => {
        listStock(replica.db, { companyId });
      }),
    );
    let p = 0;
    figures.push(
      await measure(`stock.list_product_ms over ${lotCount.toLocaleString('en-US')} lots (one product's lines at every location, as the pick screen asks)`, 'ms', 200, () => {
        listStock(replica.db, { companyId, productId: products[(p += 37) % products.length] });
      }),
    );
    replica.close();
    return figures;
  } finally {
    keys.delete(replicaKeyName(file));
    rmSync(dir, { recursive: true, force: true });
  }
}
