import { describe, expect, it } from 'vitest';
import { generateSigningKeys } from '../signing/ed25519';
import { signTreeHead, verifyTreeHead, type TreeHead } from './tree-head';

const unsigned = { companyId: '6f1c2a4e-0000-4000-8000-000000000001', treeSize: 3, rootHash: Buffer.alloc(32, 7).toString('base64'), signedAt: '2026-11-22T10:00:00.000Z' };

describe('tree heads', () => {
  it('verify with the signing key and not with another', async () => {
    const keys = await generateSigningKeys();
    const other = await generateSigningKeys();
    const head = await signTreeHead(unsigned, keys.secretKey, 'k');
    expect(await verifyTreeHead(head, keys.publicKey)).toBe(true);
    expect(await verifyTreeHead(head, other.publicKey)).toBe(false);
  });

  it('fail when any field or any signature byte changes', async () => {
    const keys = await generateSigningKeys();
    const head = await signTreeHead(unsigned, keys.secretKey, 'k');
    const tampered: TreeHead[] = [
      { ...head, companyId: head.companyId.replace('1', '2') },
      { ...head, treeSize: 4 },
      { ...head, rootHash: Buffer.alloc(32, 8).toString('base64') },
      { ...head, signedAt: '2026-11-22T10:00:00.001Z' },
      { ...head, signature: 'not base64!' },
    ];
    const sig = Buffer.from(head.signature, 'base64');
    for (let i = 0; i < sig.length; i += 1) {
      const s = Buffer.from(sig);
      s[i] = (s[i] ?? 0) ^ 0x01;
      tampered.push({ ...head, signature: s.toString('base64') });
    }
    for (const t of tampered) expect(await verifyTreeHead(t, keys.publicKey)).toBe(false);
  });
});
