import { AppError } from '../../../shared/errors';
import type { QaOp } from '../../../shared/qa/ops';
import { keyRegistrationOp } from '../../../shared/qa/sign-record';
import { fingerprint, generateSigningKeys } from '../../../shared/signing/ed25519';
import { openSigningKey, parseSealedKey, sealSigningKey, serializeSealedKey, type SealedKey } from '../../../shared/signing/sealed-key';
import { fromBase64 } from '../../../shared/ledger/tree-head';
import type { KeyStore } from '../keystore/key-store';

export interface KeyOwner {
  companyId: string;
  userId: string;
}

/** A freshly made key, ready to be stored once its registration op is queued. */
export interface NewSignerKey {
  op: Extract<QaOp, { kind: 'key.register' }>;
  keyId: string;
  /** Writes the sealed blob to the keychain (call inside the transaction that queues `op`). */
  store(): void;
}

/**
 * The signer's Ed25519 key on this computer (issue 5, Keys). Generated here with libsodium; the
 * secret key is sealed under the signer's signing password (argon2id, shared/signing/sealed-key.ts)
 * and only the sealed blob is written — to the OS keychain, never to the replica, a request or a
 * log. Signing asks for the password every time (21 CFR 11.200(a)(1)); the opened secret key
 * lives only for the one signature and is wiped with `.fill(0)` afterwards, whatever happens.
 */
export class SignerKeys {
  constructor(private readonly keyStore: KeyStore) {}

  static entryName(owner: KeyOwner): string {
    return `signing-key:${owner.companyId}:${owner.userId}`;
  }

  /** The sealed blob in the keychain, or null when this user has no key on this computer. */
  sealed(owner: KeyOwner): SealedKey | null {
    const text = this.keyStore.get(SignerKeys.entryName(owner));
    return text === null ? null : parseSealedKey(text);
  }

  /** The key id (fingerprint) of the key in the keychain, or null. */
  async keyId(owner: KeyOwner): Promise<string | null> {
    const sealed = this.sealed(owner);
    return sealed ? fingerprint(await fromBase64(sealed.publicKey)) : null;
  }

  /**
   * A new key pair sealed under `password`, with the op registering its public key (and proving
   * possession: the key signs its own registration, 11.100). `replaces` names the key it rotates out.
   */
  async create(owner: KeyOwner, password: string, replaces: string | null, opId: string): Promise<NewSignerKey> {
    const { publicKey, secretKey } = await generateSigningKeys();
    try {
      const sealed = serializeSealedKey(await sealSigningKey(secretKey, password));
      const op = await keyRegistrationOp({ opId, companyId: owner.companyId, userId: owner.userId, secretKey, publicKey, replaces });
      const keyId = await fingerprint(publicKey);
      return { op, keyId, store: () => this.keyStore.set(SignerKeys.entryName(owner), sealed) };
    } finally {
      secretKey.fill(0);
    }
  }

  /**
   * Opens the sealed key with the password typed just now, hands the secret key to `use`, and
   * wipes it afterwards. A wrong password is `signing/bad-password`; no key is `qa/no-signing-key`.
   */
  async withSecretKey<T>(owner: KeyOwner, password: string, use: (secretKey: Uint8Array) => Promise<T>): Promise<T> {
    const sealed = this.sealed(owner);
    if (!sealed) throw new AppError('qa/no-signing-key', 'You have no signing key on this computer. Create one under QA → Signing key first.');
    const secretKey = await openSigningKey(sealed, password);
    try {
      return await use(secretKey);
    } finally {
      secretKey.fill(0);
    }
  }
}
