import { isIP } from 'node:net';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { decodeSecret, MIN_SECRET_BYTES } from './config-secret';
import type { CompanyTier } from './db/schema/accounts';
import { makeKeyring, type FieldKeyring } from './services/security/field-crypto';

/**
 * The server's settings, read from the environment ONCE at start and validated with zod so a
 * typo fails loudly with the variable's name instead of surfacing later as an odd runtime error.
 * This is the only module that reads `process.env`.
 */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Embedded PGlite data directory (`<dataDir>/pglite`), or `memory://` in unit tests. */
  pgliteDir: string;
  /** When set the server uses node-postgres instead of the embedded PGlite. */
  databaseUrl: string | undefined;
  nodeEnv: 'development' | 'test' | 'production';
  /** HS256 key for access tokens; `undefined` means "generate once and keep it in the DB" (dev/test only). */
  jwtSecret: Uint8Array | undefined;
  /**
   * 32-byte Ed25519 seed of the key that signs ledger tree heads (issue 5); `undefined` means
   * "generate once and keep it in the DB" (dev/test only). Desktops pin this key on first use.
   */
  ledgerSigningSeed: Uint8Array | undefined;
  /**
   * Keys of application-level field encryption (issue 6: PII columns, TOTP secrets, and the ERP
   * credentials once connectors exist), from ATLAS_DATA_KEYS (or the single-key ATLAS_DATA_KEY);
   * the first is active for new writes, the others still decrypt (rotation without downtime).
   * `undefined` = generate one into the database (dev/test only).
   */
  dataKeys: FieldKeyring | undefined;
  /**
   * HMAC-SHA256 keys of the email blind index, from ATLAS_BLIND_INDEX_KEYS (or the single-key
   * ATLAS_BLIND_INDEX_KEY): the first computes new index values, the others still find rows
   * indexed before a rotation until `atlas keys reencrypt` recomputes them. `undefined` =
   * generated (dev/test only).
   */
  blindIndexKeys: FieldKeyring | undefined;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** Exact origins allowed to call the API from a browser; empty means no CORS headers at all. */
  corsOrigins: string[];
  /** Claude through the Anthropic Messages API (AI column mapping); the key never leaves the server. */
  ai: AiConfig;
  /** Token-bucket limits shared by every instance through the database (issue 6, OWASP ASVS 2.2.1 / 4.4). */
  rateLimit: RateLimitConfig;
  /**
   * Addresses (or CIDR ranges) of reverse proxies whose `X-Forwarded-For` is believed. Empty (the
   * default): the client address is the TCP peer, and a forwarded header is ignored, since any
   * client can send one.
   */
  trustedProxies: string[];
}

export interface RateLimitConfig {
  /** Requests per minute to the sign-in style procedures, per IP and per account (bucket size too). */
  authPerMinute: number;
  /** Requests per minute to everything else, per signed-in user (per IP when not signed in). */
  apiPerMinute: number;
  /**
   * Sync pushes and pulls per minute, per signed-in user: a bucket of their own, so a large
   * import's upload (hundreds of 500-change pushes) neither waits on nor starves the API bucket.
   */
  syncPerMinute: number;
}

export interface AiConfig {
  /** `undefined` = AI features off: every request takes the built-in (deterministic) path. */
  apiKey: string | undefined;
  /** Override of https://api.anthropic.com (a proxy, or the local fake in tests). */
  baseUrl: string | undefined;
  model: string;
  /** Per request; the desktop waits on it, so it is short and there are no retries. */
  timeoutMs: number;
  /** Claude calls per company per calendar month (UTC), by plan. */
  monthlyQuota: Record<CompanyTier, number>;
}

/** Values that take precedence over the environment (CLI flags, tests). They are validated the same way. */
export interface ConfigOverrides {
  port?: number | string;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  nodeEnv?: ServerConfig['nodeEnv'];
}

type Env = Record<string, string | undefined>;

// `.env` files and CI often set a variable to the empty string to mean "unset".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const integer = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const envSchema = z.object({
  PORT: optional(integer(0, 65_535)),
  HOST: optional(z.string().trim().min(1, 'must not be blank')),
  ATLAS_DATA_DIR: optional(z.string().trim().min(1, 'must not be blank')),
  DATABASE_URL: optional(
    z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// connection URL'),
  ),
  NODE_ENV: optional(z.enum(['development', 'test', 'production'], { error: 'must be development, test or production' })),
  ATLAS_JWT_SECRET: optional(z.string().trim()),
  ATLAS_LEDGER_SIGNING_KEY: optional(z.string().trim()),
  ATLAS_DATA_KEYS: optional(z.string().trim()),
  ATLAS_DATA_KEY: optional(z.string().trim()),
  ATLAS_BLIND_INDEX_KEYS: optional(z.string().trim()),
  ATLAS_BLIND_INDEX_KEY: optional(z.string().trim()),
  // RFC 8725 §3.10 / OWASP: access tokens are bearer credentials; keep them short-lived (max one day here).
  ATLAS_ACCESS_TOKEN_TTL_SECONDS: optional(integer(30, 86_400)),
  ATLAS_REFRESH_TOKEN_TTL_DAYS: optional(integer(1, 365)),
  ATLAS_CORS_ORIGINS: optional(z.string()),
  ANTHROPIC_API_KEY: optional(z.string().trim().min(1, 'must not be blank')),
  ANTHROPIC_BASE_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })),
  ATLAS_AI_MODEL: optional(z.string().trim().min(1, 'must not be blank').max(100, 'must be at most 100 characters')),
  ATLAS_AI_TIMEOUT_MS: optional(integer(1_000, 600_000)),
  ATLAS_AI_QUOTA_FREE: optional(integer(0, 10_000_000)),
  ATLAS_AI_QUOTA_TEAM: optional(integer(0, 10_000_000)),
  ATLAS_AI_QUOTA_ENTERPRISE: optional(integer(0, 10_000_000)),
  // There is no "off": at least one request a minute (a limit is part of the security baseline).
  ATLAS_RATE_LIMIT_AUTH_PER_MIN: optional(integer(1, 1_000_000)),
  ATLAS_RATE_LIMIT_API_PER_MIN: optional(integer(1, 10_000_000)),
  ATLAS_RATE_LIMIT_SYNC_PER_MIN: optional(integer(1, 10_000_000)),
  ATLAS_TRUSTED_PROXIES: optional(z.string()),
});

const originSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value.replace(/\/$/, '');
    } catch {
      return false;
    }
  }, 'each entry must be an origin like https://app.example.com (scheme, host, optional port; no path)');

/**
 * Parses and validates the settings. Throws `AppError('config/invalid')` whose message names
 * every wrong variable and what is wrong with it.
 */
export function loadConfig(env: Env = process.env, overrides: ConfigOverrides = {}): ServerConfig {
  const merged: Env = {
    ...pick(env),
    ...defined({
      PORT: overrides.port === undefined ? undefined : String(overrides.port),
      HOST: overrides.host,
      ATLAS_DATA_DIR: overrides.dataDir,
      DATABASE_URL: overrides.databaseUrl,
      NODE_ENV: overrides.nodeEnv,
    }),
  };
  const parsed = envSchema.safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message} (got ${quote(String(issue.path[0]), merged[String(issue.path[0])])})`);
    throw invalid(problems);
  }
  const e = parsed.data;
  const nodeEnv = e.NODE_ENV ?? 'development';
  const problems: string[] = [];

  let jwtSecret: Uint8Array | undefined;
  if (e.ATLAS_JWT_SECRET !== undefined) {
    const decoded = decodeSecret(e.ATLAS_JWT_SECRET);
    if (typeof decoded === 'string') problems.push(`ATLAS_JWT_SECRET ${decoded}`);
    else jwtSecret = decoded;
  } else if (nodeEnv === 'production') {
    // A generated secret kept in the database is a development convenience; in production the
    // key must come from the operator's secret store so it can be rotated and is not in backups.
    problems.push('ATLAS_JWT_SECRET is required when NODE_ENV=production (generate one with `openssl rand -base64 32`)');
  }

  let ledgerSigningSeed: Uint8Array | undefined;
  if (e.ATLAS_LEDGER_SIGNING_KEY !== undefined) {
    const decoded = decodeSecret(e.ATLAS_LEDGER_SIGNING_KEY);
    if (typeof decoded === 'string') problems.push(`ATLAS_LEDGER_SIGNING_KEY ${decoded}`);
    else if (decoded.length !== MIN_SECRET_BYTES) problems.push(`ATLAS_LEDGER_SIGNING_KEY must be a 32-byte Ed25519 seed (RFC 8032 §5.1.5); it decodes to ${decoded.length} bytes`);
    else ledgerSigningSeed = decoded;
  } else if (nodeEnv === 'production') {
    // The tree-head key vouches for every signed QA record: in production it comes from the
    // operator's secret store, not from a database row that backups and replicas copy.
    problems.push('ATLAS_LEDGER_SIGNING_KEY is required when NODE_ENV=production (generate one with `openssl rand -base64 32`)');
  }

  const dataKeys = parseKeyList(DATA_KEYS, e.ATLAS_DATA_KEYS, e.ATLAS_DATA_KEY, problems);
  if (!dataKeys && nodeEnv === 'production' && !problems.some((p) => p.startsWith('ATLAS_DATA_KEY'))) {
    // Issue 6: the encryption key comes from config; a key kept in the database it protects would
    // be in every backup and replica beside the ciphertext (OWASP ASVS 5.0 11.1.1 / 13.3.1).
    problems.push('ATLAS_DATA_KEYS is required when NODE_ENV=production (e.g. `k1:` followed by the output of `openssl rand -base64 32`)');
  }
  const blindIndexKeys = parseKeyList(INDEX_KEYS, e.ATLAS_BLIND_INDEX_KEYS, e.ATLAS_BLIND_INDEX_KEY, problems);
  if (!blindIndexKeys && nodeEnv === 'production' && !problems.some((p) => p.startsWith('ATLAS_BLIND_INDEX_KEY'))) {
    problems.push('ATLAS_BLIND_INDEX_KEY is required when NODE_ENV=production (generate one with `openssl rand -base64 32`; keep it apart from the data keys)');
  }

  let corsOrigins: string[] = [];
  if (e.ATLAS_CORS_ORIGINS !== undefined) {
    const entries = e.ATLAS_CORS_ORIGINS.split(',').map((s) => s.trim()).filter((s) => s !== '');
    const origins = z.array(originSchema).safeParse(entries);
    if (origins.success) corsOrigins = origins.data.map((o) => o.replace(/\/$/, ''));
    else problems.push(...origins.error.issues.map((i) => `ATLAS_CORS_ORIGINS ${i.message} (got ${quote('ATLAS_CORS_ORIGINS', entries[Number(i.path[0])])})`));
  }
  let trustedProxies: string[] = [];
  if (e.ATLAS_TRUSTED_PROXIES !== undefined) {
    trustedProxies = e.ATLAS_TRUSTED_PROXIES.split(',').map((s) => s.trim()).filter((s) => s !== '');
    for (const entry of trustedProxies) {
      if (!isAddressOrRange(entry)) problems.push(`ATLAS_TRUSTED_PROXIES entries must be IP addresses or CIDR ranges like 10.0.0.0/8 or fd00::/8 (got ${JSON.stringify(entry.slice(0, 60))})`);
    }
  }
  if (problems.length > 0) throw invalid(problems);

  // Test runs make hundreds of calls a minute from one address and one account; a test that is
  // about the limits sets them (ATLAS_RATE_LIMIT_*), every other test gets room. Development and
  // production get the issue 6 limits: 10/min for sign-in style calls, 100/min for the API.
  const testing = nodeEnv === 'test';
  const dataDir = resolve(expandHome(e.ATLAS_DATA_DIR ?? join(homedir(), '.atlas', 'server')));
  return {
    port: e.PORT ?? 4000,
    host: e.HOST ?? '127.0.0.1',
    dataDir,
    pgliteDir: join(dataDir, 'pglite'),
    databaseUrl: e.DATABASE_URL,
    nodeEnv,
    jwtSecret,
    ledgerSigningSeed,
    dataKeys,
    blindIndexKeys,
    accessTokenTtlSeconds: e.ATLAS_ACCESS_TOKEN_TTL_SECONDS ?? 900,
    refreshTokenTtlDays: e.ATLAS_REFRESH_TOKEN_TTL_DAYS ?? 30,
    corsOrigins,
    ai: {
      apiKey: e.ANTHROPIC_API_KEY,
      baseUrl: e.ANTHROPIC_BASE_URL,
      // Mapping a few column headers is a small, latency-bound task: the fast, inexpensive tier.
      model: e.ATLAS_AI_MODEL ?? 'claude-haiku-4-5',
      timeoutMs: e.ATLAS_AI_TIMEOUT_MS ?? 20_000,
      monthlyQuota: {
        free: e.ATLAS_AI_QUOTA_FREE ?? 20,
        team: e.ATLAS_AI_QUOTA_TEAM ?? 500,
        enterprise: e.ATLAS_AI_QUOTA_ENTERPRISE ?? 5_000,
      },
    },
    rateLimit: {
      authPerMinute: e.ATLAS_RATE_LIMIT_AUTH_PER_MIN ?? (testing ? 100_000 : 10),
      apiPerMinute: e.ATLAS_RATE_LIMIT_API_PER_MIN ?? (testing ? 1_000_000 : 100),
      syncPerMinute: e.ATLAS_RATE_LIMIT_SYNC_PER_MIN ?? (testing ? 1_000_000 : 600),
    },
    trustedProxies,
  };
}

/** `1.2.3.4`, `::1`, or a range `10.0.0.0/8` / `fd00::/8` (what net.BlockList accepts). */
function isAddressOrRange(entry: string): boolean {
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits >= 0 && bits <= (family === 4 ? 32 : 128);
}

function invalid(problems: string[]): AppError {
  return new AppError('config/invalid', `Invalid server configuration: ${problems.join('; ')}.`, {
    issues: problems.map((p) => ({ path: p.split(' ')[0] ?? '(config)', message: p })),
  });
}

const KEYS = Object.keys(envSchema.shape);
function pick(env: Env): Env {
  return Object.fromEntries(KEYS.map((k) => [k, env[k]]));
}

function defined(values: Env): Env {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
}

// Never echo a secret (a JWT key, a password inside a connection URL) back into a log or terminal.
const SECRET_KEYS = new Set(['ATLAS_JWT_SECRET', 'ATLAS_LEDGER_SIGNING_KEY', 'ATLAS_DATA_KEYS', 'ATLAS_DATA_KEY', 'ATLAS_BLIND_INDEX_KEYS', 'ATLAS_BLIND_INDEX_KEY', 'DATABASE_URL', 'ANTHROPIC_API_KEY', 'ANTHROPIC_BASE_URL']);
function quote(key: string, value: string | undefined): string {
  if (value === undefined) return 'nothing';
  if (SECRET_KEYS.has(key)) return 'a value that is not shown because it may hold a secret';
  return value.length > 60 ? `"${value.slice(0, 57)}..."` : JSON.stringify(value);
}

/** A keyring variable and its single-key shorthand: the data keys (AES-256) and the blind-index keys (HMAC-SHA256). */
interface KeyListSpec {
  list: string;
  single: string;
  /** The key id the single-key variable stands for. */
  singleId: string;
  purpose: string;
}
const DATA_KEYS: KeyListSpec = { list: 'ATLAS_DATA_KEYS', single: 'ATLAS_DATA_KEY', singleId: 'k1', purpose: 'AES-256' };
const INDEX_KEYS: KeyListSpec = { list: 'ATLAS_BLIND_INDEX_KEYS', single: 'ATLAS_BLIND_INDEX_KEY', singleId: 'i1', purpose: 'HMAC-SHA256' };

/**
 * ATLAS_DATA_KEYS = "keyId:key,keyId2:key" (each key 32 bytes, hex or base64): the first is the
 * active key for new writes, the others only decrypt values written before a rotation (then
 * `atlas keys reencrypt` moves them to the active key and the old one can be removed).
 * ATLAS_DATA_KEY = one key, a shorthand for `k1:<key>`. Setting both is refused (which would win?).
 * ATLAS_BLIND_INDEX_KEYS / ATLAS_BLIND_INDEX_KEY work the same way for the blind-index keys.
 */
function parseKeyList(spec: KeyListSpec, list: string | undefined, single: string | undefined, problems: string[]): FieldKeyring | undefined {
  if (list !== undefined && single !== undefined) {
    problems.push(`${spec.single} and ${spec.list} are both set; keep only ${spec.list} (${spec.single} is the same as ${spec.list}=${spec.singleId}:<key>)`);
    return undefined;
  }
  const text = list ?? (single === undefined ? undefined : `${spec.singleId}:${single}`);
  if (text === undefined) return undefined;
  const name = list !== undefined ? spec.list : spec.single;
  const entries = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const keys: Record<string, Uint8Array> = {};
  let active: string | undefined;
  for (const entry of entries) {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon).trim() : '';
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) {
      problems.push(`${name} entries must look like keyId:key with a key id of 1–32 letters, digits, '-' or '_' (entry ${Object.keys(keys).length + 1} does not)`);
      return undefined;
    }
    if (id in keys) {
      problems.push(`${name} names key id "${id}" twice`);
      return undefined;
    }
    const decoded = decodeSecret(entry.slice(colon + 1).trim());
    if (typeof decoded === 'string') {
      problems.push(`${name} key "${id}" ${decoded}`);
      return undefined;
    }
    if (decoded.length !== MIN_SECRET_BYTES) {
      problems.push(`${name} key "${id}" must be exactly 32 bytes (${spec.purpose}); it decodes to ${decoded.length} bytes`);
      return undefined;
    }
    keys[id] = decoded;
    active ??= id;
  }
  if (!active) {
    problems.push(`${name} is empty; give at least one keyId:key`);
    return undefined;
  }
  return makeKeyring(active, keys);
}
