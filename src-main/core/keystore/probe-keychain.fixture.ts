// Run as a child process by os-keychain.test.ts with an unreachable session bus.
import { AppError } from '../../../shared/errors';
import { OsKeychain } from './os-keychain';

try {
  new OsKeychain('atlas-probe-fixture').probe();
  console.log('available');
} catch (err) {
  console.log(err instanceof AppError ? `${err.code}: ${err.message}` : `other: ${String(err)}`);
}
