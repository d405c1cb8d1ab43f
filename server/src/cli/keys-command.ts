import { Command, InvalidArgumentError } from 'commander';
import { and, countDistinct, isNull, not, like } from 'drizzle-orm';
import { loadConfig, type ServerConfig } from '../config';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { mfaBackupCodes } from '../db/schema/index';
import { resolveBlindIndexKeyring, resolveDataKeyring } from '../services/auth/data-key';
import { backfillEmailEncryption } from '../services/privacy/backfill';
import { createPiiCodec } from '../services/privacy/pii';
import { reencryptAll, type ReencryptCounts } from '../services/privacy/reencrypt';
import { reindexAll, type ReindexCounts } from '../services/privacy/reindex';

function parseBatch(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 10_000) throw new InvalidArgumentError('must be a whole number from 1 to 10000.');
  return n;
}

/**
 * Re-encrypts every encrypted value that is not under the active data key (the first of
 * ATLAS_DATA_KEYS), then recomputes every blind-index value that is not the active index key's
 * (the first of ATLAS_BLIND_INDEX_KEYS), on the database the server uses. Safe while servers are
 * up: they keep every configured key, and each value is replaced by its own conditional UPDATE
 * (reencrypt.ts, reindex.ts).
 */
export async function runReencrypt(config: ServerConfig, options: { batchSize?: number; say?: (line: string) => void } = {}): Promise<{ reencrypted: ReencryptCounts[]; reindexed: ReindexCounts[] }> {
  const say = options.say ?? ((line: string) => console.log(line));
  const database = await openDatabase(config);
  try {
    // Same start-up steps as a server: schema up to date, plaintext emails from before issue 6 sealed.
    await migrateDatabase(database);
    const keyring = await resolveDataKeyring(database.db, { nodeEnv: config.nodeEnv, dataKey: config.dataKeys });
    const indexKeys = await resolveBlindIndexKeyring(database.db, config);
    const pii = createPiiCodec(keyring, indexKeys);
    await backfillEmailEncryption(database.db, pii);
    say(`Re-encrypting under the active key "${keyring.activeKeyId}" (configured: ${[...keyring.keys.keys()].join(', ')})…`);
    const results = await reencryptAll(database.db, keyring, { batchSize: options.batchSize });
    for (const r of results) say(`  ${r.column.padEnd(26)} ${String(r.reencrypted).padStart(7)} re-encrypted${r.skipped > 0 ? `, ${r.skipped} changed meanwhile (already current)` : ''}`);
    // Backup codes are stored as a MAC under the data key of their day (services/auth/mfa.ts) and
    // cannot be re-keyed without the codes themselves: say whose still depend on an old key.
    const [tied] = await database.db
      .select({ people: countDistinct(mfaBackupCodes.userId) })
      .from(mfaBackupCodes)
      .where(and(isNull(mfaBackupCodes.usedAt), not(like(mfaBackupCodes.codeHash, `${keyring.activeKeyId.replaceAll('_', '\\_')}.%`))));
    if ((tied?.people ?? 0) > 0) {
      say(`  Note: ${tied?.people} people have unused MFA backup codes made under an older key; keep that key configured (for decryption) until they regenerate their backup codes, or those codes stop working.`);
    }
    const total = results.reduce((n, r) => n + r.reencrypted, 0);
    say(`Done: ${total} value${total === 1 ? '' : 's'} re-encrypted. Every value is now under "${keyring.activeKeyId}"; keys no longer listed first can be removed from ATLAS_DATA_KEYS once every server runs with the new list.`);
    say(`Re-indexing under the active blind-index key "${indexKeys.activeKeyId}" (configured: ${[...indexKeys.keys.keys()].join(', ')})…`);
    const reindexed = await reindexAll(database.db, pii, { batchSize: options.batchSize });
    for (const r of reindexed) say(`  ${r.column.padEnd(26)} ${String(r.reindexed).padStart(7)} re-indexed${r.skipped > 0 ? `, ${r.skipped} changed meanwhile (already current)` : ''}`);
    const indexTotal = reindexed.reduce((n, r) => n + r.reindexed, 0);
    say(`Done: ${indexTotal} index value${indexTotal === 1 ? '' : 's'} recomputed; index keys no longer listed first can be removed from ATLAS_BLIND_INDEX_KEYS once every server runs with the new list.`);
    return { reencrypted: results, reindexed };
  } finally {
    await database.close();
  }
}

/** `atlas keys …`: data-key and blind-index-key maintenance (issue 6, rotation without downtime). */
export function keysCommand(): Command {
  return new Command('keys').description('manage the field-encryption keys (ATLAS_DATA_KEYS) and blind-index keys (ATLAS_BLIND_INDEX_KEYS)').addCommand(
    new Command('reencrypt')
      .description('re-encrypt every value not under the active (first) key of ATLAS_DATA_KEYS and re-index every email not under the first of ATLAS_BLIND_INDEX_KEYS; safe while servers run')
      .option('-d, --data <dir>', 'data directory (default: ATLAS_DATA_DIR or ~/.atlas/server)')
      .option('-b, --batch <n>', 'rows read per batch (default 200)', parseBatch)
      .action(async (opts: { data?: string; batch?: number }) => {
        await runReencrypt(loadConfig(undefined, { dataDir: opts.data }), { batchSize: opts.batch });
      }),
  );
}
