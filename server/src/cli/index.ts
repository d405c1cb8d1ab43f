import { isAppError } from '../../../shared/errors';
import { createProgram } from './program';

/**
 * Entry point of the `atlas` binary. Expected failures (bad configuration, port in use) print
 * their message and exit 1 — no stack trace for a person to decipher.
 */
try {
  await createProgram().parseAsync(process.argv);
} catch (err) {
  if (isAppError(err)) console.error(`atlas: ${err.message}`);
  else console.error('atlas: unexpected error:', err);
  process.exitCode = 1;
}
