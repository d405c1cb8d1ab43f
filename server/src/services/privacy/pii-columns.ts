import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { companies, invitations, userMfa, users } from '../../db/schema/index';
import type { IndexedColumn } from './pii';

/**
 * Every column encrypted with the data keyring (field-crypto.ts), for `atlas keys reencrypt`. A
 * new encrypted column — the ERP connector credentials when they are built — must be added here,
 * or a key rotation would leave it under a key that is then removed.
 * `name` is the column label bound into the AAD; `id` the row id bound beside it.
 */
export interface EncryptedColumn {
  name: string;
  table: PgTable;
  id: AnyPgColumn;
  value: AnyPgColumn;
  /** The value column's property name in the drizzle table (for UPDATE ... SET). */
  key: string;
}

export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  { name: 'users.email', table: users, id: users.id, value: users.email, key: 'email' },
  { name: 'users.phone', table: users, id: users.id, value: users.phone, key: 'phone' },
  { name: 'invitations.email', table: invitations, id: invitations.id, value: invitations.email, key: 'email' },
  { name: 'companies.address', table: companies, id: companies.id, value: companies.address, key: 'address' },
  { name: 'companies.licence_number', table: companies, id: companies.id, value: companies.licenceNumber, key: 'licenceNumber' },
  { name: 'user_mfa.totp_secret', table: userMfa, id: userMfa.userId, value: userMfa.totpSecret, key: 'totpSecret' },
];

/** The encrypted columns looked up through a blind index beside them (`email_index`), for the re-index after an index-key rotation. */
export interface IndexedEncryptedColumn {
  name: IndexedColumn;
  table: PgTable;
  id: AnyPgColumn;
  value: AnyPgColumn;
  index: AnyPgColumn;
}

export const INDEXED_COLUMNS: readonly IndexedEncryptedColumn[] = [
  { name: 'users.email', table: users, id: users.id, value: users.email, index: users.emailIndex },
  { name: 'invitations.email', table: invitations, id: invitations.id, value: invitations.email, index: invitations.emailIndex },
];
