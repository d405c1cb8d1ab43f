import { blindIndex } from '../security/blind-index';
import { decryptField, encryptField, fieldKeyId, type FieldKeyring } from '../security/field-crypto';

/**
 * The encrypted personal-data columns (issue 6, Data protection; OWASP ASVS 5.0 V14.2 sensitive
 * data protection, GDPR Art. 32(1)(a) encryption of personal data). Each value is sealed with
 * AES-256-GCM under the active data key, its AAD binding the column name and the row id
 * (field-crypto.ts), so the row id must be known before the INSERT (callers generate the uuid).
 */
export type PiiColumn = 'users.email' | 'users.phone' | 'invitations.email' | 'companies.address' | 'companies.licence_number';
/** The columns looked up by equality through a blind index beside them (`email_index`). */
export type IndexedColumn = 'users.email' | 'invitations.email';

export interface PiiCodec {
  readonly keyring: FieldKeyring;
  seal(column: PiiColumn, rowId: string, value: string): string;
  sealNullable(column: PiiColumn, rowId: string, value: string | null | undefined): string | null;
  open(column: PiiColumn, rowId: string, stored: string): string;
  openNullable(column: PiiColumn, rowId: string, stored: string | null | undefined): string | null;
  /** HMAC-SHA256 blind index of a normalised email (trimmed, NFC, lower-cased) for the column, under the active index key: what is written. */
  index(column: IndexedColumn, value: string): string;
  /**
   * The index under every configured index key, active first: what a lookup matches, so rows
   * indexed before a key rotation are still found until `atlas keys reencrypt` recomputes them.
   */
  indexCandidates(column: IndexedColumn, value: string): string[];
}

export function createPiiCodec(keyring: FieldKeyring, indexKeys: FieldKeyring): PiiCodec {
  const activeIndexKey = indexKeys.keys.get(indexKeys.activeKeyId) as Uint8Array;
  const olderIndexKeys = [...indexKeys.keys].filter(([id]) => id !== indexKeys.activeKeyId).map(([, key]) => key);
  const codec: PiiCodec = {
    keyring,
    seal: (column, rowId, value) => encryptField(keyring, value, { column, rowId }),
    sealNullable: (column, rowId, value) => (value === null || value === undefined ? null : codec.seal(column, rowId, value)),
    open: (column, rowId, stored) => decryptField(keyring, stored, { column, rowId }),
    openNullable: (column, rowId, stored) => (stored === null || stored === undefined ? null : codec.open(column, rowId, stored)),
    index: (column, value) => blindIndex(activeIndexKey, column, value),
    indexCandidates: (column, value) => [activeIndexKey, ...olderIndexKeys].map((key) => blindIndex(key, column, value)),
  };
  return codec;
}

/** Whether a stored value is in the v1 encrypted format (plaintext from before the encryption is not). */
export function isSealed(stored: string): boolean {
  return fieldKeyId(stored) !== null;
}
