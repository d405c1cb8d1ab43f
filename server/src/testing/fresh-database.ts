import { afterEach } from 'vitest';
import { openDatabase, type OpenDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';

/**
 * For a test file whose tests each start from an empty database: call once at the top of the file
 * and it returns `fresh()`, which opens an in-memory PGlite with the real migrations applied. The
 * database a test opened is closed after it, so no test sees another's rows.
 */
export function freshDatabasePerTest(): () => Promise<OpenDatabase> {
  let database: OpenDatabase | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });
  return async () => {
    database = await openDatabase({ pgliteDir: 'memory://', databaseUrl: undefined });
    await migrateDatabase(database);
    return database;
  };
}
