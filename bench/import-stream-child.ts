// One streamed import of a large CSV into a fresh encrypted replica, alone in its process so
// that `process.resourceUsage().maxRSS` is the import's own peak. Run by import-bench.ts;
// argv: the CSV, a scratch directory, the keychain service. Prints one JSON line.
import { join } from 'node:path';
import { newId } from '../shared/ids';
import { importCatalogOf } from '../shared/import';
import { batchedWriter, ImportCommitter } from '../src-main/core/import/import-committer';
import { ImportRecords } from '../src-main/core/import/import-records';
import { analyseFile, planFor, validateFile } from '../src-main/core/import/stream-import';
import { OsKeychain } from '../src-main/core/keystore/os-keychain';
import { openReplica, replicaKeyName } from '../src-main/core/replica/open-replica';
import { ReplicaWriter } from '../src-main/core/replica/replica-writer';
import { SyncStore } from '../src-main/core/sync/sync-store';

const [file = '', dir = '', service = ''] = process.argv.slice(2);
const keys = new OsKeychain(service);
const replicaFile = join(dir, 'stream.db');
const replica = openReplica({ file: replicaFile, keyStore: keys });
const deps = { db: replica.db, writer: new ReplicaWriter(replica), store: new SyncStore(replica.db), now: () => new Date() };
const who = { companyId: newId(), userId: newId() };
const importId = newId();
new ImportRecords(replica.db).begin({ id: importId, companyId: who.companyId, fileName: file, fileSha256: '-', fileBytes: 0, format: 'csv', sheet: null, headerRow: 1, mapping: [], mappingPath: 'deterministic', mode: 'valid-only', rowsTotal: 0, rowsValid: 0, rowsInvalid: 0, createdBy: who.userId, createdAt: new Date().toISOString() });
const start = performance.now();
const analysed = await analyseFile(file, {});
const committer = new ImportCommitter(deps, { importId, mode: 'valid-only', warehouse: 'Main', session: who });
const writer = batchedWriter(committer);
const summary = await validateFile(file, analysed, planFor(analysed, '2026-11-22'), importCatalogOf([]), { onValid: (rows) => writer.add(rows) });
await writer.end();
const ms = performance.now() - start;
replica.close();
keys.delete(replicaKeyName(replicaFile));
console.log(JSON.stringify({ ms, imported: committer.result.imported, invalid: summary.invalid, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
