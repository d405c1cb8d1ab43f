import { AppError, isAppError } from '../../shared/errors';
import type { ServerConfig } from './config';
import type { Database, DatabaseKind } from './db/client';
import type { ImportMappingService } from './services/ai/import-mapping';
import type { AuthService } from './services/auth/auth-service';
import type { CompanyService } from './services/company/company-service';
import type { AccessClaims } from './services/auth/tokens';
import type { RequestOrigin } from './services/audit/audit-log';
import type { PiiCodec } from './services/privacy/pii';
import type { PrivacyService } from './services/privacy/privacy-service';
import type { QaService } from './services/qa/qa-service';
import type { PokeBus } from './services/sync/poke-bus';

/** Everything long-lived the server is built from; created once in start.ts (or by a test). */
export interface ServerDeps {
  db: Database;
  dbKind: DatabaseKind;
  config: ServerConfig;
  services: {
    auth: AuthService;
    company: CompanyService;
    importMapping: ImportMappingService;
    qa: QaService;
    privacy: PrivacyService;
    /** Decrypts / indexes the PII columns wherever a router shows them (e.g. audit.list's actor email). */
    pii: PiiCodec;
  };
  /** Cross-instance "pull now" notifications for /sync/events. */
  pokes: PokeBus;
}

export type ServerContext = {
  db: Database;
  config: ServerConfig;
  services: ServerDeps['services'];
  /** The verified access-token claims, or null when no token was sent. */
  auth: AccessClaims | null;
  /** Why a token that WAS sent was refused (expired, invalid); authedProcedure reports it. */
  authError: AppError | null;
  requestId: string;
  /** Client address and user agent for audit events and rate limits (null without HTTP, e.g. tests). */
  origin: RequestOrigin;
  /** The request's `Cookie` header (browser clients keep the refresh token in an httpOnly cookie). */
  cookieHeader: string | null;
  /** Headers added to the HTTP response (Set-Cookie, Retry-After); null without HTTP. */
  resHeaders: Headers | null;
  /** `browser` when the request says `X-Atlas-Client: browser` (refresh token in an httpOnly cookie); else the desktop. */
  clientKind: 'browser' | 'desktop';
};

export interface ContextInput {
  authorization?: string | null;
  requestId?: string;
  origin?: Partial<RequestOrigin>;
  cookieHeader?: string | null;
  resHeaders?: Headers | null;
  clientKind?: 'browser' | 'desktop';
}

/**
 * Builds a request context without HTTP, so tests use `createCaller(await createContextInner(...))`
 * and exercise the same token verification as real requests (tRPC "inner context" pattern).
 */
export async function createContextInner(deps: ServerDeps, input: ContextInput = {}): Promise<ServerContext> {
  const requestId = input.requestId ?? crypto.randomUUID();
  const base = {
    db: deps.db,
    config: deps.config,
    services: deps.services,
    requestId,
    origin: { ip: input.origin?.ip ?? null, userAgent: input.origin?.userAgent ?? null, requestId },
    cookieHeader: input.cookieHeader ?? null,
    resHeaders: input.resHeaders ?? null,
    clientKind: input.clientKind ?? 'desktop',
  };
  if (!input.authorization) return { ...base, auth: null, authError: null };
  try {
    return { ...base, auth: await deps.services.auth.authenticate(input.authorization), authError: null };
  } catch (err) {
    if (isAppError(err)) return { ...base, auth: null, authError: err };
    throw err;
  }
}
