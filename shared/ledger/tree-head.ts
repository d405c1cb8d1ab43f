import { canonicalJson } from './index';
import { ready } from '../signing/sodium';
import { sign, verify } from '../signing/ed25519';

/**
 * A signed tree head (RFC 6962 §3.5, in JSON): the server's statement that a company's log held
 * `treeSize` entries with this root at `signedAt`. Binary fields are standard base64 (RFC 4648 §4).
 * Pure (shared/ imports only) so the desktop and `atlas verify` can use it unchanged.
 */
export interface TreeHead {
  companyId: string;
  treeSize: number;
  rootHash: string;
  /** ISO 8601 UTC with milliseconds, exactly as signed. */
  signedAt: string;
  signature: string;
  /** Fingerprint of the signing key. */
  keyId: string;
}

export type UnsignedTreeHead = Pick<TreeHead, 'companyId' | 'treeSize' | 'rootHash' | 'signedAt'>;

/** The exact bytes signed: RFC 8785 canonical JSON of the four fields, so any verifier rebuilds them. */
export function treeHeadMessage(head: UnsignedTreeHead): Uint8Array {
  return new TextEncoder().encode(canonicalJson({ companyId: head.companyId, treeSize: head.treeSize, rootHash: head.rootHash, signedAt: head.signedAt }));
}

export async function signTreeHead(head: UnsignedTreeHead, secretKey: Uint8Array, keyId: string): Promise<TreeHead> {
  const signature = await sign(treeHeadMessage(head), secretKey);
  return { ...head, signature: await toBase64(signature), keyId };
}

/** True only when `head` was signed by `serverPublicKey`; malformed input is false, never a throw. */
export async function verifyTreeHead(head: TreeHead, serverPublicKey: Uint8Array): Promise<boolean> {
  try {
    const signature = await fromBase64(head.signature);
    return await verify(signature, treeHeadMessage(head), serverPublicKey);
  } catch {
    return false;
  }
}

export async function toBase64(bytes: Uint8Array): Promise<string> {
  const sodium = await ready();
  return sodium.to_base64(bytes, sodium.base64_variants.ORIGINAL);
}

export async function fromBase64(text: string): Promise<Uint8Array> {
  const sodium = await ready();
  return sodium.from_base64(text, sodium.base64_variants.ORIGINAL);
}
