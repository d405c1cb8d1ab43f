import { hash, verify, type Options } from '@node-rs/argon2';

/**
 * Password hashing with argon2id (RFC 9106) at the OWASP Password Storage Cheat Sheet minimum:
 * m = 19 MiB, t = 2, p = 1. NIST SP 800-63B §5.1.1.2 asks for a memory-hard, salted one-way
 * function; the PHC string keeps salt and parameters, so they can be raised later without a
 * migration.
 */
export const ARGON2_OPTIONS: Options = {
  algorithm: 2, // Algorithm.Argon2id (a const enum, not importable under isolatedModules)
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** False for a wrong password and for a malformed stored hash (never throws on bad input). */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

// Computed once, lazily, with the same parameters as real hashes so it costs the same to check.
let dummyHash: Promise<string> | undefined;

/**
 * Burns the same time as a real verification when the email is unknown, so response timing does
 * not reveal which accounts exist (OWASP ASVS 2.2 / Authentication Cheat Sheet "response time").
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hash('atlas-dummy-password-for-timing', ARGON2_OPTIONS);
  await verifyPassword(await dummyHash, password);
  return false;
}
