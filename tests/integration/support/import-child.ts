// Child process for tests/integration/import-crash.test.ts: commits a large import into a replica
// (valid only, batch by batch) until the test kills it with SIGKILL. argv: replica file, keychain
// service, import id, company id, user id, rows.
import type { NormalizedRow } from '../../../shared/import/types';
import { productIdFor } from '../../../shared/ids';
import { commitRows } from '../../../src-main/core/import/import-committer';
import { ImportRecords } from '../../../src-main/core/import/import-records';
import { OsKeychain } from '../../../src-main/core/keystore/os-keychain';
import { openReplica } from '../../../src-main/core/replica/open-replica';
import { ReplicaWriter } from '../../../src-main/core/replica/replica-writer';
import { SyncStore } from '../../../src-main/core/sync/sync-store';

const [file = '', service = '', importId = '', companyId = '', userId = '', count = '0'] = process.argv.slice(2);
const replica = openReplica({ file, keyStore: new OsKeychain(service) });
const deps = { db: replica.db, writer: new ReplicaWriter(replica), store: new SyncStore(replica.db), now: () => new Date() };
const records = new ImportRecords(replica.db);
records.begin({ id: importId, companyId, fileName: 'crash.csv', fileSha256: '-', fileBytes: 0, format: 'csv', sheet: null, headerRow: 1, mapping: [], mappingPath: 'deterministic', mode: 'valid-only', rowsTotal: Number(count), rowsValid: Number(count), rowsInvalid: 0, createdBy: userId, createdAt: new Date().toISOString() });
const rows: NormalizedRow[] = Array.from({ length: Number(count) }, (_, i) => ({
  row: i + 2, ndc11: '00093310905', gtin: null, productCode: null, productName: 'Amoxicillin 500 mg', manufacturer: null, strength: null, dosageForm: null,
  productId: i === 0 ? null : productIdFor(companyId, '00093310905'), lotNumber: `C${i}`, expiry: '2028-01-31', manufacturedOn: null, quantity: 5, unit: null,
  location: `B-${i % 30}`, unitCost: null, price: null, notes: null,
}));
process.stdout.write('started\n');
await commitRows(deps, { importId, mode: 'valid-only', warehouse: 'Main', session: { companyId, userId }, onProgress: (n) => process.stdout.write(`committed ${n}\n`) }, [rows]);
records.finish(importId, new Date().toISOString(), { imported: rows.length, skipped: 0 });
process.stdout.write('finished\n');
replica.close();
