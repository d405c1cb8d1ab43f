import type { RouterOutputs } from '../../app/router-types';

type SyncStatus = RouterOutputs['sync']['status'];
type ServerState = RouterOutputs['app']['status']['server'];

/**
 * Online or offline, from the freshest of two signals: the sync runner's last attempt and the
 * health check (which backs off to 30 s while the server is away). A failed sync because the
 * server is unreachable says offline; a sync that succeeded after the last health check says
 * online; otherwise the health check decides.
 */
export function isOnline(sync: SyncStatus | undefined, server: ServerState): boolean {
  if (sync?.lastError?.code === 'server/unreachable') return false;
  if (server.checkedAt === null) return sync?.online === true;
  if (sync?.online && sync.lastSyncAt !== null && sync.lastSyncAt > server.checkedAt) return true;
  return server.online;
}
