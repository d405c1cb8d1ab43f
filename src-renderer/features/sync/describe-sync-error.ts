import type { SerializedError } from '../../../shared/errors';

/**
 * The last sync failure in plain words. Working offline is normal in a warehouse, so the message
 * says first that nothing is lost, then what (if anything) the person has to do.
 */
export function describeSyncError(error: SerializedError | null): string | null {
  if (!error) return null;
  switch (error.code) {
    case 'server/unreachable':
      return 'Server unreachable — your changes are saved on this computer and will be sent when it is back.';
    case 'server/bad-response':
      return 'The server sent an answer Atlas did not understand — your changes are saved on this computer; Atlas will try again.';
    case 'auth/unauthenticated':
    case 'auth/token-expired':
    case 'auth/token-invalid':
    case 'auth/refresh-invalid':
    case 'auth/refresh-reused':
      return 'The server no longer accepts this sign-in — your changes are saved on this computer. Sign out and in again to resume syncing.';
    case 'rate-limit/exceeded':
      // A large import's upload meets the server's pace; the sync runner waits as asked.
      return `The server is pacing uploads from this account — your changes are saved on this computer; Atlas sends the rest ${afterSeconds(error.retryAfterSeconds)}.`;
    case 'auth/forbidden':
      return 'Your account may not sync this company’s data — your changes are saved on this computer. Ask your administrator.';
    default:
      return `Sync failed: ${error.message} Your changes are saved on this computer; Atlas will try again.`;
  }
}

function afterSeconds(seconds: number | undefined): string {
  if (seconds === undefined) return 'shortly';
  if (seconds < 90) return `in about ${Math.max(1, Math.round(seconds))} s`;
  return `in about ${Math.round(seconds / 60)} minutes`;
}
