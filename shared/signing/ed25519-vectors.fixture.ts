import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Test-only loader for the Ed25519 vectors copied into tests/fixtures/signing (see the README there).
const dir = new URL('../../tests/fixtures/signing/', import.meta.url);

function json(name: string): unknown {
  return JSON.parse(readFileSync(fileURLToPath(new URL(name, dir)), 'utf8'));
}

function hex(text: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})*$/i.test(text)) throw new Error(`not hex: ${text.slice(0, 20)}`);
  return Uint8Array.from(text.match(/../g) ?? [], (byte) => parseInt(byte, 16));
}

/** RFC 8032 §7.1 test vectors: `seed` is the 32-byte secret key of the RFC, not libsodium's 64-byte form. */
export interface Rfc8032Vector {
  seed: Uint8Array;
  publicKey: Uint8Array;
  message: Uint8Array;
  signature: Uint8Array;
}

export function rfc8032Vectors(): Rfc8032Vector[] {
  const raw = json('rfc8032-ed25519.json') as { priv: string; pub: string; msg: string; sig: string }[];
  return raw.map((v) => ({ seed: hex(v.priv), publicKey: hex(v.pub), message: hex(v.msg), signature: hex(v.sig) }));
}

/** One Wycheproof EddsaVerify case, flattened with its group's public key. */
export interface WycheproofVector {
  tcId: number;
  comment: string;
  flags: string[];
  result: 'valid' | 'invalid';
  publicKey: Uint8Array;
  message: Uint8Array;
  signature: Uint8Array;
}

interface RawWycheproof {
  algorithm: string;
  schema: string;
  numberOfTests: number;
  testGroups: {
    type: string;
    publicKey: { curve: string; pk: string };
    tests: { tcId: number; comment: string; flags: string[]; msg: string; sig: string; result: string }[];
  }[];
}

export function wycheproofVectors(): { numberOfTests: number; vectors: WycheproofVector[] } {
  const raw = json('wycheproof-ed25519.json') as RawWycheproof;
  if (raw.schema !== 'eddsa_verify_schema_v1.json') throw new Error(`unexpected Wycheproof schema ${raw.schema}`);
  const vectors = raw.testGroups.flatMap((group) => {
    if (group.type !== 'EddsaVerify' || group.publicKey.curve !== 'edwards25519') throw new Error(`unexpected group ${group.type}`);
    const publicKey = hex(group.publicKey.pk);
    return group.tests.map((t): WycheproofVector => {
      // "acceptable" exists in other Wycheproof files; this one has none, and a verdict we cannot
      // assert on must not be skipped silently.
      if (t.result !== 'valid' && t.result !== 'invalid') throw new Error(`tcId ${t.tcId}: result ${t.result}`);
      return { tcId: t.tcId, comment: t.comment, flags: t.flags, result: t.result, publicKey, message: hex(t.msg), signature: hex(t.sig) };
    });
  });
  return { numberOfTests: raw.numberOfTests, vectors };
}
