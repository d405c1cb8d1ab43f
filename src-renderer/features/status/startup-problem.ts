import type { AppStatus } from '../../app/router-types';

/** Why Atlas cannot start, in words, with what to do about it. */
export interface StartupProblem {
  kind: 'keychain' | 'replica';
  title: string;
  message: string;
  steps: string[];
  code: string | null;
}

/**
 * Atlas refuses to run without the OS keychain rather than keep the replica key in a file
 * (STYLE.md "Avoid" 4), so a missing keychain is a hard stop with instructions, not a warning.
 */
export function startupProblem(status: AppStatus): StartupProblem | null {
  if (!status.keychain.available) {
    return {
      kind: 'keychain',
      title: 'Atlas cannot reach the OS keychain',
      message:
        status.keychain.error?.message ??
        `Atlas needs the OS keychain (${status.keychain.backend}) to protect the local database key and will not store keys in plaintext.`,
      steps: keychainSteps(status.keychain.backend),
      code: status.keychain.error?.code ?? null,
    };
  }
  if (!status.replica.open) {
    const code = status.replica.error?.code ?? null;
    return {
      kind: 'replica',
      title: 'The encrypted local database could not be opened',
      message: status.replica.error?.message ?? 'Atlas could not open its encrypted local database.',
      steps: replicaSteps(code),
      code,
    };
  }
  return null;
}

function keychainSteps(backend: string): string[] {
  if (/mac|apple|darwin/i.test(backend)) {
    return ['Open Keychain Access and make sure your login keychain is unlocked.', 'Then choose Try again.'];
  }
  if (/win|credential/i.test(backend)) {
    return ['Sign in to Windows with your own account (Credential Manager is per user).', 'Then choose Try again.'];
  }
  return [
    'Install a Secret Service keyring, such as GNOME Keyring or KWallet, and make sure it is running in your desktop session.',
    'Unlock its default collection (you are usually asked for your login password).',
    'Then choose Try again. If you are unsure, ask your IT administrator.',
  ];
}

function replicaSteps(code: string | null): string[] {
  switch (code) {
    case 'replica/wrong-key':
      return [
        'The key in your keychain does not open this database. Do not delete the database file: it may hold changes that have not been synced yet.',
        'Contact your Atlas administrator or support with the details below.',
      ];
    case 'replica/key-missing':
      return [
        'The database exists but its key is no longer in your keychain, for example after the keychain was reset.',
        'Restore the keychain from a backup if you have one, or contact support. Do not delete the database file.',
      ];
    case 'replica/corrupt':
      return ['The database file appears to be damaged. Atlas will not overwrite it.', 'Contact support with the details below.'];
    default:
      return ['Check that the folder below exists and that you may write to it, and that the disk is not full.', 'Then choose Try again.'];
  }
}
