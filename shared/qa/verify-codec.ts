/**
 * Base64 (RFC 4648 §4, standard alphabet, padded) for bundles, synchronous and pure so the bundle
 * builder needs no libsodium start-up. Decoding is strict: the text must be the one canonical
 * encoding of its bytes (RFC 4648 §3.5: non-zero pad bits and missing padding are refused), so no
 * character of a bundle can change without changing the bytes it stands for.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The bytes of `text`, or null when it is not canonical standard base64. Never throws. */
export function base64ToBytes(text: unknown): Uint8Array | null {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytesToBase64(bytes) === text ? bytes : null;
  } catch {
    return null;
  }
}
