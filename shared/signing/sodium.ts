import sodium from 'libsodium-wrappers-sumo';

/** The initialised libsodium module (sumo build: it has crypto_pwhash, which the standard build lacks). */
export type Sodium = typeof sodium;

let loading: Promise<Sodium> | undefined;

/**
 * Resolves once libsodium's WebAssembly has been instantiated. Every function of the library must
 * wait for this; awaiting it again is free (the promise is shared).
 */
export function ready(): Promise<Sodium> {
  loading ??= sodium.ready.then(() => sodium);
  return loading;
}
