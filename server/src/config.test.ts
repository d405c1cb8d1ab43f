import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { loadConfig } from './config';

function configError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected loadConfig to throw');
}

const HEX_SECRET = 'ab'.repeat(32);
/** The field-encryption keys production needs besides the JWT and ledger keys (issue 6). */
const DATA_KEYS = { ATLAS_DATA_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`, ATLAS_BLIND_INDEX_KEY: Buffer.alloc(32, 2).toString('base64') };

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      dataDir: join(homedir(), '.atlas', 'server'),
      pgliteDir: join(homedir(), '.atlas', 'server', 'pglite'),
      databaseUrl: undefined,
      nodeEnv: 'development',
      jwtSecret: undefined,
      accessTokenTtlSeconds: 900,
      refreshTokenTtlDays: 30,
      corsOrigins: [],
      rateLimit: { authPerMinute: 10, apiPerMinute: 100, syncPerMinute: 600 },
      trustedProxies: [],
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      ATLAS_DATA_DIR: '/srv/atlas',
      DATABASE_URL: 'postgres://atlas:pw@db:5432/atlas',
      NODE_ENV: 'production',
      ATLAS_JWT_SECRET: HEX_SECRET,
      ATLAS_LEDGER_SIGNING_KEY: HEX_SECRET,
      ATLAS_ACCESS_TOKEN_TTL_SECONDS: '300',
      ATLAS_REFRESH_TOKEN_TTL_DAYS: '7',
      ATLAS_CORS_ORIGINS: 'https://app.example.com, http://localhost:5173/',
      ...DATA_KEYS,
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/srv/atlas',
      pgliteDir: '/srv/atlas/pglite',
      databaseUrl: 'postgres://atlas:pw@db:5432/atlas',
      nodeEnv: 'production',
      accessTokenTtlSeconds: 300,
      refreshTokenTtlDays: 7,
      corsOrigins: ['https://app.example.com', 'http://localhost:5173'],
    });
    expect(Buffer.from(config.jwtSecret ?? []).toString('hex')).toBe(HEX_SECRET);
  });

  it('expands ~ in ATLAS_DATA_DIR and treats empty strings as unset', () => {
    const config = loadConfig({ ATLAS_DATA_DIR: '~/atlas-data', PORT: '', DATABASE_URL: '' });
    expect(config.dataDir).toBe(join(homedir(), 'atlas-data'));
    expect(config.port).toBe(4000);
    expect(config.databaseUrl).toBeUndefined();
  });

  it('lets overrides win over the environment, validated the same way', () => {
    const config = loadConfig({ PORT: '5000', HOST: '10.0.0.1' }, { port: 0, dataDir: '/tmp/x' });
    expect(config).toMatchObject({ port: 0, host: '10.0.0.1', dataDir: '/tmp/x' });
    expect(configError(() => loadConfig({}, { port: 70000 })).message).toMatch(/PORT must be at most 65535/);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be a number \(got "abc"\)/],
    [{ PORT: '4000.5' }, /PORT must be a whole number/],
    [{ PORT: '-1' }, /PORT must be at least 0/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV must be development, test or production \(got "staging"\)/],
    [{ ATLAS_ACCESS_TOKEN_TTL_SECONDS: '5' }, /ATLAS_ACCESS_TOKEN_TTL_SECONDS must be at least 30/],
    [{ ATLAS_REFRESH_TOKEN_TTL_DAYS: 'forever' }, /ATLAS_REFRESH_TOKEN_TTL_DAYS must be a number/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ connection URL/],
    [{ ATLAS_CORS_ORIGINS: 'https://ok.example.com,https://bad.example.com/path' }, /ATLAS_CORS_ORIGINS each entry must be an origin.*got "https:\/\/bad\.example\.com\/path"/],
    [{ ATLAS_JWT_SECRET: 'c2hvcnQ=' }, /ATLAS_JWT_SECRET must decode to at least 32 bytes \(it decodes to 5\)/],
    [{ ATLAS_JWT_SECRET: 'not a secret!' }, /ATLAS_JWT_SECRET must be hex or base64/],
  ])('rejects %o naming the variable', (env, message) => {
    const err = configError(() => loadConfig(env));
    expect(err.code).toBe('config/invalid');
    expect(err.message).toMatch(message);
  });

  it('reports every problem at once', () => {
    const err = configError(() => loadConfig({ PORT: 'x', HOST: ' ' }));
    expect(err.message).toMatch(/PORT/);
    expect(err.message).toMatch(/HOST must not be blank/);
    expect(err.issues?.map((i) => i.path)).toEqual(['PORT', 'HOST']);
  });

  it('never echoes a secret back', () => {
    const err = configError(() => loadConfig({ DATABASE_URL: 'mysql://root:hunter2@db/x', ATLAS_JWT_SECRET: 'hunter2' }));
    expect(err.message).not.toContain('hunter2');
    expect(err.message).toMatch(/DATABASE_URL/);
  });

  it('refuses to start in production without ATLAS_JWT_SECRET or ATLAS_LEDGER_SIGNING_KEY', () => {
    const err = configError(() => loadConfig({ NODE_ENV: 'production' }));
    expect(err.message).toMatch(/ATLAS_JWT_SECRET is required when NODE_ENV=production/);
    expect(err.message).toMatch(/ATLAS_LEDGER_SIGNING_KEY is required when NODE_ENV=production/);
    expect(configError(() => loadConfig({ ATLAS_LEDGER_SIGNING_KEY: Buffer.alloc(48, 1).toString('base64') })).message).toMatch(/must be a 32-byte Ed25519 seed/);
    expect(loadConfig({ ATLAS_LEDGER_SIGNING_KEY: Buffer.alloc(32, 9).toString('hex') }).ledgerSigningSeed).toEqual(Uint8Array.from(Buffer.alloc(32, 9)));
    expect(loadConfig({ NODE_ENV: 'development' }).jwtSecret).toBeUndefined();
  });

  it('accepts a base64url secret of 32 bytes', () => {
    const secret = Buffer.alloc(32, 7).toString('base64url');
    expect(loadConfig({ ATLAS_JWT_SECRET: secret }).jwtSecret).toEqual(Uint8Array.from(Buffer.alloc(32, 7)));
  });
});

describe('loadConfig: rate limits and trusted proxies (issue 6)', () => {
  it('uses 10/min for sign-in style calls, 100/min for the API and 600/min for sync outside tests, and reads overrides', () => {
    expect(loadConfig({ NODE_ENV: 'production', ATLAS_JWT_SECRET: HEX_SECRET, ATLAS_LEDGER_SIGNING_KEY: HEX_SECRET, ...DATA_KEYS }).rateLimit).toEqual({ authPerMinute: 10, apiPerMinute: 100, syncPerMinute: 600 });
    expect(loadConfig({ ATLAS_RATE_LIMIT_AUTH_PER_MIN: '3', ATLAS_RATE_LIMIT_API_PER_MIN: '50', ATLAS_RATE_LIMIT_SYNC_PER_MIN: '120' }).rateLimit).toEqual({ authPerMinute: 3, apiPerMinute: 50, syncPerMinute: 120 });
    // Test runs get room unless a test sets the limits it is about.
    expect(loadConfig({ NODE_ENV: 'test' }).rateLimit.authPerMinute).toBeGreaterThan(1_000);
    expect(loadConfig({ NODE_ENV: 'test', ATLAS_RATE_LIMIT_AUTH_PER_MIN: '2' }).rateLimit.authPerMinute).toBe(2);
  });

  it('has no way to switch the limits off', () => {
    expect(configError(() => loadConfig({ ATLAS_RATE_LIMIT_AUTH_PER_MIN: '0' })).message).toMatch(/ATLAS_RATE_LIMIT_AUTH_PER_MIN must be at least 1/);
    expect(configError(() => loadConfig({ ATLAS_RATE_LIMIT_API_PER_MIN: '-5' })).message).toMatch(/ATLAS_RATE_LIMIT_API_PER_MIN must be at least 1/);
  });

  it('reads trusted proxies as addresses or CIDR ranges and names a wrong entry', () => {
    expect(loadConfig({ ATLAS_TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.5 ,::1' }).trustedProxies).toEqual(['10.0.0.0/8', '192.168.1.5', '::1']);
    const err = configError(() => loadConfig({ ATLAS_TRUSTED_PROXIES: '10.0.0.0/33,proxy.local' }));
    expect(err.message).toMatch(/ATLAS_TRUSTED_PROXIES entries must be IP addresses or CIDR ranges .*"10\.0\.0\.0\/33"/);
    expect(err.message).toMatch(/"proxy\.local"/);
  });
});

describe('loadConfig: Claude (AI column mapping)', () => {
  it('is off without a key, with documented defaults for model, timeout and quotas', () => {
    expect(loadConfig({}).ai).toEqual({
      apiKey: undefined,
      baseUrl: undefined,
      model: 'claude-haiku-4-5',
      timeoutMs: 20_000,
      monthlyQuota: { free: 20, team: 500, enterprise: 5_000 },
    });
  });

  it('reads every AI variable', () => {
    const config = loadConfig({
      ANTHROPIC_API_KEY: 'sk-ant-api03-abc',
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:8089',
      ATLAS_AI_MODEL: 'claude-haiku-4-5',
      ATLAS_AI_TIMEOUT_MS: '5000',
      ATLAS_AI_QUOTA_FREE: '0',
      ATLAS_AI_QUOTA_TEAM: '50',
      ATLAS_AI_QUOTA_ENTERPRISE: '900',
    });
    expect(config.ai).toEqual({
      apiKey: 'sk-ant-api03-abc',
      baseUrl: 'http://127.0.0.1:8089',
      model: 'claude-haiku-4-5',
      timeoutMs: 5000,
      monthlyQuota: { free: 0, team: 50, enterprise: 900 },
    });
  });

  it.each([
    [{ ANTHROPIC_BASE_URL: 'api.anthropic.com' }, /ANTHROPIC_BASE_URL must be an http:\/\/ or https:\/\/ URL/],
    [{ ANTHROPIC_BASE_URL: 'ftp://proxy.example' }, /ANTHROPIC_BASE_URL must be an http:\/\/ or https:\/\/ URL/],
    [{ ATLAS_AI_TIMEOUT_MS: '10' }, /ATLAS_AI_TIMEOUT_MS must be at least 1000/],
    [{ ATLAS_AI_QUOTA_TEAM: '-5' }, /ATLAS_AI_QUOTA_TEAM must be at least 0/],
    [{ ANTHROPIC_API_KEY: '   ' }, /ANTHROPIC_API_KEY must not be blank/],
  ])('rejects %o naming the variable', (env, message) => {
    expect(configError(() => loadConfig(env)).message).toMatch(message);
  });

  it('never echoes the API key or a base URL (it may carry proxy credentials)', () => {
    const err = configError(() => loadConfig({ ANTHROPIC_API_KEY: ' ', ANTHROPIC_BASE_URL: 'gopher://user:hunter2@proxy', ATLAS_AI_TIMEOUT_MS: 'x' }));
    expect(err.message).not.toContain('hunter2');
    expect(err.message).toMatch(/ANTHROPIC_BASE_URL/);
  });
});

describe('loadConfig: field-encryption keys (issue 6, Data protection)', () => {
  const key = (fill: number) => Buffer.alloc(32, fill).toString('base64');

  it('reads ATLAS_DATA_KEYS: the first key is active, the others only decrypt', () => {
    const config = loadConfig({ ATLAS_DATA_KEYS: `k2:${key(2)}, k1:${Buffer.alloc(32, 1).toString('hex')}`, ATLAS_BLIND_INDEX_KEY: key(9) });
    expect(config.dataKeys?.activeKeyId).toBe('k2');
    expect([...(config.dataKeys?.keys.keys() ?? [])]).toEqual(['k2', 'k1']);
    expect(config.dataKeys?.keys.get('k1')).toEqual(Uint8Array.from(Buffer.alloc(32, 1)));
    expect(config.blindIndexKeys?.activeKeyId).toBe('i1');
    expect(config.blindIndexKeys?.keys.get('i1')).toEqual(Uint8Array.from(Buffer.alloc(32, 9)));
  });

  it('keeps ATLAS_DATA_KEY as the single-key shorthand for k1, and refuses both at once', () => {
    expect(loadConfig({ ATLAS_DATA_KEY: key(3) }).dataKeys?.activeKeyId).toBe('k1');
    expect(configError(() => loadConfig({ ATLAS_DATA_KEY: key(3), ATLAS_DATA_KEYS: `k9:${key(4)}` })).message).toMatch(/ATLAS_DATA_KEY and ATLAS_DATA_KEYS are both set/);
  });

  it('names what is wrong with a malformed key list, without echoing the keys', () => {
    expect(configError(() => loadConfig({ ATLAS_DATA_KEYS: key(1) })).message).toMatch(/ATLAS_DATA_KEYS entries must look like keyId:key/);
    expect(configError(() => loadConfig({ ATLAS_DATA_KEYS: `a:${key(1)},a:${key(2)}` })).message).toMatch(/names key id "a" twice/);
    const short = configError(() => loadConfig({ ATLAS_DATA_KEYS: `k1:${Buffer.alloc(48, 1).toString('base64')}` }));
    expect(short.message).toMatch(/key "k1" must be exactly 32 bytes \(AES-256\); it decodes to 48 bytes/);
    expect(short.message).not.toContain(Buffer.alloc(48, 1).toString('base64'));
    expect(configError(() => loadConfig({ ATLAS_BLIND_INDEX_KEY: 'not a key!' })).message).toMatch(/ATLAS_BLIND_INDEX_KEY key "i1" must be hex or base64/);
    expect(configError(() => loadConfig({ ATLAS_BLIND_INDEX_KEYS: `i1:${Buffer.alloc(48, 1).toString('base64')}` })).message).toMatch(/ATLAS_BLIND_INDEX_KEYS key "i1" must be exactly 32 bytes \(HMAC-SHA256\)/);
  });

  it('reads ATLAS_BLIND_INDEX_KEYS for an index-key rotation (the first computes new values), and refuses it beside ATLAS_BLIND_INDEX_KEY', () => {
    const config = loadConfig({ ATLAS_BLIND_INDEX_KEYS: `i2:${key(7)},i1:${key(9)}` });
    expect(config.blindIndexKeys?.activeKeyId).toBe('i2');
    expect([...(config.blindIndexKeys?.keys.keys() ?? [])]).toEqual(['i2', 'i1']);
    expect(configError(() => loadConfig({ ATLAS_BLIND_INDEX_KEY: key(9), ATLAS_BLIND_INDEX_KEYS: `i2:${key(7)}` })).message).toMatch(/ATLAS_BLIND_INDEX_KEY and ATLAS_BLIND_INDEX_KEYS are both set/);
  });

  it('refuses to start in production without the data keys and the blind-index key', () => {
    const base = { NODE_ENV: 'production', ATLAS_JWT_SECRET: HEX_SECRET, ATLAS_LEDGER_SIGNING_KEY: HEX_SECRET };
    const err = configError(() => loadConfig(base));
    expect(err.message).toMatch(/ATLAS_DATA_KEYS is required when NODE_ENV=production/);
    expect(err.message).toMatch(/ATLAS_BLIND_INDEX_KEY is required when NODE_ENV=production/);
    expect(configError(() => loadConfig({ ...base, ATLAS_DATA_KEYS: `k1:${key(1)}` })).message).toMatch(/ATLAS_BLIND_INDEX_KEY is required/);
    expect(loadConfig({ ...base, ...DATA_KEYS }).dataKeys?.activeKeyId).toBe('k1');
    // Outside production the keys are generated into the database (services/auth/data-key.ts).
    expect(loadConfig({ NODE_ENV: 'development' }).dataKeys).toBeUndefined();
  });
});
