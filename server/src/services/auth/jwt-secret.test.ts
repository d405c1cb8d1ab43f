import { describe, expect, it } from 'vitest';
import { instanceSecrets } from '../../db/schema/index';
import { freshDatabasePerTest } from '../../testing/fresh-database';
import { resolveJwtSecret } from './jwt-secret';

const fresh = freshDatabasePerTest();

describe('resolveJwtSecret', () => {
  it('uses ATLAS_JWT_SECRET when given and stores nothing', async () => {
    const { db } = await fresh();
    const configured = new Uint8Array(32).fill(9);
    expect(await resolveJwtSecret(db, { jwtSecret: configured, nodeEnv: 'production' })).toBe(configured);
    expect(await db.select().from(instanceSecrets)).toEqual([]);
  });

  it('generates a 256-bit key once and gives every caller (instance) the same one', async () => {
    const { db } = await fresh();
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => resolveJwtSecret(db, { jwtSecret: undefined, nodeEnv: 'development' })));
    expect(a?.length).toBe(32);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(await db.select().from(instanceSecrets)).toHaveLength(1);
  });

  it('refuses to generate one in production', async () => {
    const { db } = await fresh();
    await expect(resolveJwtSecret(db, { jwtSecret: undefined, nodeEnv: 'production' })).rejects.toMatchObject({ code: 'config/invalid' });
  });
});
