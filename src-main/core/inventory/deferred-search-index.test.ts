import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lotIdFor, productIdFor } from '../../../shared/ids';
import { keychainAvailable, testKeychain } from '../../../tests/support/keychain';
import type { OsKeychain } from '../keystore/os-keychain';
import { openReplica, replicaKeyName, type Replica } from '../replica/open-replica';
import { deferSearchIndex } from './deferred-search-index';

const company = '0b7a3f0e-5f0c-4c41-9a52-6d1f3c2b9e10';
const amox = productIdFor(company, '00093310905');

describe.runIf(keychainAvailable)('deferred stock search index (bulk writers)', () => {
  let dir: string;
  let keys: OsKeychain;
  let replica: Replica;
  const searchRows = () => replica.sqlite.prepare('SELECT s.rowid, s.* FROM stock_search s ORDER BY rowid').all() as Record<string, unknown>[];
  const insertLot = (lotNumber: string) =>
    replica.sqlite
      .prepare("INSERT INTO lots (id, company_id, product_id, lot_number, expiry) VALUES (?, ?, ?, ?, '2027-03-31')")
      .run(lotIdFor(company, amox, lotNumber), company, amox, lotNumber);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-deferred-index-'));
    keys = testKeychain();
    replica = openReplica({ file: join(dir, 'replica.db'), keyStore: keys });
    replica.sqlite
      .prepare("INSERT INTO products (id, company_id, ndc11, gtin, name, generic_name, manufacturer) VALUES (?, ?, '00093310905', '00300933109058', 'Amoxicillin 500 mg', 'amoxicillin', 'Teva')")
      .run(amox, company);
  });
  afterEach(() => {
    replica.close();
    keys.delete(replicaKeyName(join(dir, 'replica.db')));
    rmSync(dir, { recursive: true, force: true });
  });

  const LOTS = ['0012/A', 'B-77.x', 'nn 4471'];

  it('indexes a batch exactly as the per-row trigger does', () => {
    for (const lot of LOTS) insertLot(lot);
    const byTrigger = searchRows();
    expect(byTrigger).toHaveLength(3);
    replica.sqlite.exec('DELETE FROM lots; DELETE FROM stock_search;');

    replica.sqlite.transaction(() => {
      const index = deferSearchIndex(replica.sqlite);
      for (const lot of LOTS) insertLot(lot);
      expect(searchRows()).toEqual([]); // the trigger stood aside
      index.finish();
    })();
    const withoutRowid = ({ rowid: _, ...row }: Record<string, unknown>) => row;
    expect(searchRows().map(withoutRowid)).toEqual(byTrigger.map(withoutRowid));
    expect(replica.sqlite.prepare("SELECT rowid FROM stock_search WHERE stock_search MATCH 'codes:0012a*'").all()).toHaveLength(1);
    // The trigger is back for every other writer.
    insertLot('LATE-1');
    expect(searchRows()).toHaveLength(4);
  });

  it('indexes only the lots inserted after it started, and a rollback leaves neither lots, index rows nor the flag', () => {
    insertLot('EARLY');
    replica.sqlite.transaction(() => {
      const index = deferSearchIndex(replica.sqlite);
      insertLot('IN-BATCH');
      index.finish();
    })();
    expect(searchRows().map((r) => r.lot_number)).toEqual(['EARLY', 'IN-BATCH']);

    expect(() =>
      replica.sqlite.transaction(() => {
        deferSearchIndex(replica.sqlite);
        insertLot('ROLLED-BACK');
        throw new Error('crash');
      })(),
    ).toThrow('crash');
    expect(replica.sqlite.prepare('SELECT count(*) AS n FROM stock_search_deferred').get()).toEqual({ n: 0 });
    expect(replica.sqlite.prepare('SELECT count(*) AS n FROM lots').get()).toEqual({ n: 2 });
    expect(searchRows()).toHaveLength(2);
  });

  it('refuses to run outside a transaction', () => {
    expect(() => deferSearchIndex(replica.sqlite)).toThrow(/inside the writer/);
  });
});
