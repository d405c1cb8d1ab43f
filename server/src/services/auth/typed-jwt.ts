import { jwtVerify, SignJWT, type JWTPayload } from 'jose';

/**
 * The one way Atlas signs and checks its JWTs (access tokens, MFA step tokens), with every check
 * RFC 8725 asks for made explicit: §3.1/§2.1 the algorithm pinned to HS256 (so `alg: none` and
 * algorithm swaps fail), §3.9 issuer and audience, §3.11 explicit typing by the `typ` header (a
 * token of one kind signed with the same key is never accepted as another kind).
 */
export const JWT_ISSUER = 'atlas';
const ALGORITHM = 'HS256';

export interface TypedJwtKind {
  /** The `typ` header, e.g. `at+jwt` (RFC 9068 §2.1). */
  typ: string;
  audience: string;
}

export async function signTypedJwt(kind: TypedJwtKind, subject: string, claims: JWTPayload, key: Uint8Array, ttlSeconds: number, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ttlSeconds;
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: ALGORITHM, typ: kind.typ })
    .setIssuer(JWT_ISSUER)
    .setAudience(kind.audience)
    .setSubject(subject)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .setJti(crypto.randomUUID())
    .sign(key);
  return { token, expiresAt: new Date(exp * 1000) };
}

/**
 * The verified payload; throws jose's error (expired, bad signature, wrong claim) for the caller
 * to turn into its AppError. `maxAgeSeconds` also makes jose refuse an `iat` in the future
 * (RFC 7519 §4.1.6), which it otherwise ignores.
 */
export async function verifyTypedJwt(kind: TypedJwtKind, token: string, key: Uint8Array, options: { maxAgeSeconds: number; now?: Date }): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, key, {
    algorithms: [ALGORITHM],
    issuer: JWT_ISSUER,
    audience: kind.audience,
    typ: kind.typ,
    requiredClaims: ['sub', 'exp', 'iat'],
    clockTolerance: 5,
    maxTokenAge: options.maxAgeSeconds,
    ...(options.now ? { currentDate: options.now } : {}),
  });
  return payload;
}
