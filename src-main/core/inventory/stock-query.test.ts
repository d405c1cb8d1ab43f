import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locationIdFor, lotIdFor, productIdFor } from '../../../shared/ids';
import { keychainAvailable, testKeychain } from '../../../tests/support/keychain';
import { locations, lots, products, stockMovements } from '../../db/schema';
import type { OsKeychain } from '../keystore/os-keychain';
import { openReplica, replicaKeyName, type Replica } from '../replica/open-replica';
import { listStock, pickableByLocation, SEARCH_CANDIDATES } from './stock-query';

const company = '0b7a3f0e-5f0c-4c41-9a52-6d1f3c2b9e10';

describe.runIf(keychainAvailable)('stock query on the encrypted replica', () => {
  let dir: string;
  let keys: OsKeychain;
  let replica: Replica;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-stock-'));
    keys = testKeychain();
    replica = openReplica({ file: join(dir, 'replica.db'), keyStore: keys });
    const amox = productIdFor(company, '00093310905');
    const insulin = productIdFor(company, '00169750111');
    const shelf = locationIdFor(company, 'Main', 'A', 'A-01');
    const fridge = locationIdFor(company, 'Main', 'COLD', 'F-02');
    const db = replica.db;
    db.insert(products).values({ id: amox, companyId: company, version: 1, ndc11: '00093310905', gtin: '00300933109058', name: 'Amoxicillin 500 mg capsules', genericName: 'amoxicillin', manufacturer: 'Teva', unit: 'bottle' }).run();
    db.insert(products).values({ id: insulin, companyId: company, version: 1, ndc11: '00169750111', name: 'Insulin aspart 100 units/mL', genericName: 'insulin aspart', manufacturer: 'Novo Nordisk', unit: 'vial', coldChain: true }).run();
    db.insert(locations).values([
      { id: shelf, companyId: company, version: 1, warehouse: 'Main', zone: 'A', bin: 'A-01' },
      { id: fridge, companyId: company, version: 1, warehouse: 'Main', zone: 'COLD', bin: 'F-02' },
    ]).run();
    const lot = (productId: string, lotNumber: string, expiry: string, status = 'available') => {
      const id = lotIdFor(company, productId, lotNumber);
      db.insert(lots).values({ id, companyId: company, version: 1, productId, lotNumber, expiry, status }).run();
      return id;
    };
    const l1 = lot(amox, '0012/A', '2027-03-31');
    const l2 = lot(amox, 'B-77', '2026-12-31', 'quarantine');
    const l3 = lot(insulin, 'NN4471', '2027-01-15');
    let n = 0;
    const move = (lotId: string, locationId: string, quantity: number) =>
      db.insert(stockMovements).values({ id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, companyId: company, version: 1, lotId, locationId, kind: 'receive', quantity }).run();
    move(l1, shelf, 40);
    move(l1, shelf, -15);
    move(l2, shelf, 10);
    move(l3, fridge, 6);
    move(l3, shelf, 3);
    move(l3, shelf, -3); // nets to zero: not listed
  });
  afterAll(() => {
    replica.close();
    keys.delete(replicaKeyName(join(dir, 'replica.db')));
    rmSync(dir, { recursive: true, force: true });
  });

  const lines = (filter: Parameters<typeof listStock>[1]) => listStock(replica.db, filter).rows.map((r) => `${r.lotNumber}@${r.location}=${r.quantity}`);

  it('sums movements per lot × location, earliest expiry first, leaving out lines that net to zero', () => {
    expect(lines({ companyId: company })).toEqual(['B-77@Main / A / A-01=10', 'NN4471@Main / COLD / F-02=6', '0012/A@Main / A / A-01=25']);
  });

  it.each([
    ['amox', ['B-77', '0012/A']],
    ['0012/A', ['0012/A']],
    ['0012', ['0012/A']],
    ['00093-3109', ['B-77', '0012/A']],
    ['00300933109058', ['B-77', '0012/A']],
    ['novo', ['NN4471']],
    ['insulin 100', ['NN4471']],
    ['nn44', ['NN4471']],
    ['teva b-77', ['B-77']],
  ])('finds "%s" through the FTS5 index', (search, expected) => {
    expect(listStock(replica.db, { companyId: company, search }).rows.map((r) => r.lotNumber)).toEqual(expected);
  });

  it('filters by expiry window, location and status', () => {
    expect(lines({ companyId: company, expiresBy: '2027-01-31' })).toEqual(['B-77@Main / A / A-01=10', 'NN4471@Main / COLD / F-02=6']);
    expect(lines({ companyId: company, status: 'quarantine' })).toEqual(['B-77@Main / A / A-01=10']);
    expect(lines({ companyId: company, status: 'available' })).toEqual(['NN4471@Main / COLD / F-02=6', '0012/A@Main / A / A-01=25']);
    expect(lines({ companyId: company, locationId: locationIdFor(company, 'Main', 'COLD', 'F-02') })).toEqual(['NN4471@Main / COLD / F-02=6']);
  });

  it('filters by product, and by product at a location', () => {
    const amox = productIdFor(company, '00093310905');
    const insulin = productIdFor(company, '00169750111');
    expect(lines({ companyId: company, productId: amox })).toEqual(['B-77@Main / A / A-01=10', '0012/A@Main / A / A-01=25']);
    expect(lines({ companyId: company, productId: insulin, locationId: locationIdFor(company, 'Main', 'COLD', 'F-02') })).toEqual(['NN4471@Main / COLD / F-02=6']);
    expect(lines({ companyId: company, productId: insulin, locationId: locationIdFor(company, 'Main', 'A', 'A-01') })).toEqual([]);
    expect(lines({ companyId: company, productId: amox, status: 'available', expiresBy: '2027-12-31' })).toEqual(['0012/A@Main / A / A-01=25']);
  });

  it('says where a product can be picked today: available, on hand and not past its expiry date', () => {
    const amox = productIdFor(company, '00093310905');
    const insulin = productIdFor(company, '00169750111');
    const shelf = locationIdFor(company, 'Main', 'A', 'A-01');
    const fridge = locationIdFor(company, 'Main', 'COLD', 'F-02');
    // B-77 is quarantined; only 0012/A counts.
    expect(pickableByLocation(replica.db, company, amox, '2026-11-22')).toEqual([{ locationId: shelf, quantity: 25, soonest: '2027-03-31' }]);
    // The shelf's insulin nets to zero; a lot is usable through its expiry date, not after.
    expect(pickableByLocation(replica.db, company, insulin, '2027-01-15')).toEqual([{ locationId: fridge, quantity: 6, soonest: '2027-01-15' }]);
    expect(pickableByLocation(replica.db, company, insulin, '2027-01-16')).toEqual([]);
  });

  it('returns the lines expiring soonest up to the limit, and says there are more', () => {
    expect(listStock(replica.db, { companyId: company, limit: 2 })).toMatchObject({ truncated: true, total: 2, rows: [{ lotNumber: 'B-77' }, { lotNumber: 'NN4471' }] });
    expect(listStock(replica.db, { companyId: company, limit: 3 })).toMatchObject({ truncated: false, total: 3 });
    expect(listStock(replica.db, { companyId: company, search: 'amox', limit: 1 })).toMatchObject({ truncated: true, rows: [{ lotNumber: 'B-77' }] });
  });

  it('sees only its own company', () => {
    expect(lines({ companyId: '9e0a3f0e-5f0c-4c41-9a52-6d1f3c2b9e11' })).toEqual([]);
  });

  it('says when a broad search was cut to the first SEARCH_CANDIDATES lots, and never cuts a narrow one', () => {
    expect(listStock(replica.db, { companyId: company, search: 'amox' })).toMatchObject({ searchCapped: false, candidates: SEARCH_CANDIDATES });
    const zolpidem = productIdFor(company, '00024542131');
    const shelf = locationIdFor(company, 'Main', 'A', 'A-01');
    replica.sqlite.transaction(() => {
      replica.sqlite.prepare("INSERT INTO products (id, company_id, version, ndc11, name) VALUES (?, ?, 1, '00024542131', 'Zolpidem 10 mg tablets')").run(zolpidem, company);
      for (let i = 0; i <= SEARCH_CANDIDATES; i++) {
        const id = lotIdFor(company, zolpidem, `Z${i}`);
        replica.sqlite.prepare("INSERT INTO lots (id, company_id, version, product_id, lot_number, expiry) VALUES (?, ?, 1, ?, ?, '2028-01-31')").run(id, company, zolpidem, `Z${i}`);
        replica.sqlite.prepare("INSERT INTO stock_movements (id, company_id, version, lot_id, location_id, kind, quantity) VALUES (?, ?, 1, ?, ?, 'receive', 1)").run(`00000000-0000-4000-9000-${String(i).padStart(12, '0')}`, company, id, shelf);
      }
    })();
    const broad = listStock(replica.db, { companyId: company, search: 'zolpidem' });
    expect(broad.searchCapped).toBe(true);
    expect(broad.rows).toHaveLength(SEARCH_CANDIDATES);
    expect(listStock(replica.db, { companyId: company, search: 'zolpidem Z200' })).toMatchObject({ searchCapped: false, rows: [{ lotNumber: 'Z200' }] });
    expect(listStock(replica.db, { companyId: company })).toMatchObject({ searchCapped: false });
  });
});
