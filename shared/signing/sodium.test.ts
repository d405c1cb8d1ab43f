import { describe, expect, it } from 'vitest';
import { ready } from './sodium';

describe('ready', () => {
  it('resolves to the initialised sumo build, the same module every time', async () => {
    const first = await ready();
    expect(await ready()).toBe(first);
    // Only the sumo build exports argon2id; the standard libsodium-wrappers does not.
    expect(typeof first.crypto_pwhash).toBe('function');
    expect(first.crypto_sign_BYTES).toBe(64);
  });
});
