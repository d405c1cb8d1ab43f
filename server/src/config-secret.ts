/**
 * Decodes ATLAS_JWT_SECRET. RFC 7518 §3.2: an HS256 key MUST be at least 256 bits, so anything
 * shorter than 32 bytes is refused rather than padded. Hex is tried first (64+ hex digits), then
 * base64 / base64url. Returns the key bytes, or a sentence saying what is wrong (never the value).
 */
export const MIN_SECRET_BYTES = 32;

export function decodeSecret(text: string): Uint8Array | string {
  let bytes: Uint8Array;
  if (/^[0-9a-fA-F]+$/.test(text) && text.length % 2 === 0 && text.length >= MIN_SECRET_BYTES * 2) {
    bytes = Uint8Array.from(Buffer.from(text, 'hex'));
  } else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) {
    // Node's base64 decoder accepts both the standard and the URL-safe alphabet (RFC 4648 §4, §5).
    bytes = Uint8Array.from(Buffer.from(text, 'base64'));
  } else {
    return 'must be hex or base64 (generate one with `openssl rand -base64 32`)';
  }
  if (bytes.length < MIN_SECRET_BYTES) {
    return `must decode to at least ${MIN_SECRET_BYTES} bytes (it decodes to ${bytes.length}); generate one with \`openssl rand -base64 32\``;
  }
  return bytes;
}
