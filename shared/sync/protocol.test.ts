import { describe, expect, it } from 'vitest';
import { mutationArgs } from '../inventory/mutations';
import { pushInput } from './protocol';

const mutation = (args: unknown) => ({ id: '0193f0a2-7b1c-7d2e-8f3a-4b5c6d7e8f90', seq: 1, name: 'stock.receive', args, schemaVersion: 1, createdAt: '2026-11-21T10:00:00Z' });

describe('push protocol', () => {
  it('makes any arguments storable as jsonb, so a malformed change is recorded as rejected instead of failing its batch', () => {
    const parsed = pushInput.parse({ clientId: '0193f0a2-7b1c-7d2e-8f3a-4b5c6d7e8f91', mutations: [mutation({ lotNumber: 'A\u0000B', note: 'x\uD800y' }), { ...mutation(undefined), id: '0193f0a2-7b1c-7d2e-8f3a-4b5c6d7e8f99', seq: 2 }] });
    expect(parsed.mutations[0]?.args).toEqual({ lotNumber: 'A\uFFFDB', note: 'x\uFFFDy' });
    expect(parsed.mutations[1]?.args).toBeNull();
  });

  it('refuses a push that repeats a seq or an id (each change is applied once, by its seq)', () => {
    const clientId = '0193f0a2-7b1c-7d2e-8f3a-4b5c6d7e8f91';
    const other = '0193f0a2-7b1c-7d2e-8f3a-4b5c6d7e8f99';
    expect(pushInput.safeParse({ clientId, mutations: [mutation({}), { ...mutation({}), id: other }] }).error?.issues[0]?.message).toBe('each change in a push must have its own seq');
    expect(pushInput.safeParse({ clientId, mutations: [mutation({}), { ...mutation({}), seq: 2 }] }).error?.issues[0]?.message).toBe('each change in a push must have its own id');
    expect(pushInput.safeParse({ clientId, mutations: [mutation({}), { ...mutation({}), id: other, seq: 2 }] }).success).toBe(true);
  });

  it('refuses control characters and broken Unicode in the text of a change', () => {
    const receive = {
      movementId: '0193f0a2-7b1c-7d2e-8f3a-4b5c6d7e8f92',
      productId: '0193f0a2-7b1c-7d2e-8f3a-4b5c6d7e8f93',
      locationId: '0193f0a2-7b1c-7d2e-8f3a-4b5c6d7e8f94',
      expiry: '2027-03-31',
      quantity: 1,
    };
    expect(mutationArgs['stock.receive'].safeParse({ ...receive, lotNumber: '0012/A' }).success).toBe(true);
    for (const lotNumber of ['00\u000012', 'A\u001dB', 'x\uDC00']) {
      expect(mutationArgs['stock.receive'].safeParse({ ...receive, lotNumber }).success).toBe(false);
    }
    expect(mutationArgs['product.upsert'].safeParse({ ndc11: '00093310905', name: 'Bad\u0000name' }).success).toBe(false);
  });
});
