/**
 * The one error type of Atlas. Every failure that crosses a boundary (server → desktop,
 * desktop core → renderer, CLI → terminal) is an AppError with a stable code, so callers
 * branch on the code and people read the message. Codes are `domain/what-happened`.
 */
export const ERROR_CODES = {
  'validation/invalid-input': 400,
  'auth/unauthenticated': 401,
  'auth/invalid-credentials': 401,
  'auth/token-expired': 401,
  'auth/token-invalid': 401,
  'auth/refresh-invalid': 401,
  'auth/refresh-reused': 401,
  'auth/forbidden': 403,
  'auth/email-taken': 409,
  // Issue 6. A wrong or reused TOTP / backup code; the MFA step of a sign-in that expired or was
  // tampered with; too many MFA attempts (RFC 6238 §5.2 throttling: 5 per 5 minutes per user).
  'auth/mfa-invalid': 401,
  'auth/mfa-token-invalid': 401,
  'auth/mfa-locked': 429,
  // The company requires MFA and this person has not enrolled: the sign-in must enrol first.
  'auth/mfa-enrolment-required': 403,
  'auth/invitation-invalid': 404,
  // Token bucket empty (per IP or per user), or a repeated violator blocked for a while.
  'rate-limit/exceeded': 429,
  'not-found': 404,
  'ndc/invalid': 400,
  'ndc/ambiguous': 400,
  'ndc/unknown': 400,
  'ndc/no-11-digit-form': 400,
  'gtin/invalid': 400,
  'gtin/check-digit': 400,
  'gtin/not-ndc': 400,
  'gs1/invalid': 400,
  'gs1/unknown-ai': 400,
  'gs1/invalid-date': 400,
  'inventory/unknown-product': 422,
  'inventory/unknown-lot': 422,
  'inventory/unknown-location': 422,
  'inventory/invalid-movement': 422,
  'sync/unknown-mutation': 422,
  'sync/unsupported-schema': 422,
  'sync/client-mismatch': 409,
  'config/invalid': 500,
  'keychain/unavailable': 503,
  'keychain/failed': 500,
  'replica/key-missing': 500,
  'replica/wrong-key': 500,
  'replica/corrupt': 500,
  'server/unreachable': 503,
  'server/bad-response': 502,
  'import/unreadable-file': 422,
  'import/file-too-large': 413,
  'import/too-many-rows': 413,
  'import/too-many-columns': 413,
  'import/cell-too-long': 413,
  'import/parse-timeout': 422,
  'import/encrypted-file': 422,
  'import/unknown-sheet': 404,
  // 499 "client closed request" (nginx): the person cancelled; nothing was wrong with the file.
  'import/cancelled': 499,
  'import/not-ready': 409,
  'import/commit-failed': 422,
  'import/unknown-import': 404,
  'import/already-undone': 409,
  'import/already-imported': 409,
  'ledger/not-canonical': 400,
  // Proof or tree-head request for a size or index the company's ledger does not have.
  'ledger/out-of-range': 404,
  // Opening the sealed signing key failed: wrong password, or the sealed blob was altered (the
  // authenticated encryption cannot tell the two apart, so neither can we).
  'signing/bad-password': 401,
  // A signing key or sealed-key blob that is malformed (wrong length, bad base64, unknown version).
  'signing/bad-key': 400,
  // QA documents (issue 5). A step out of the permitted order (21 CFR 11.10(f)): e.g. approving a draft.
  'qa/invalid-transition': 409,
  // The signer's role or identity does not allow this step (11.10(g)): e.g. approving one's own record.
  'qa/not-permitted': 403,
  // A signature that does not verify against its registered key, or a proof of key possession that does not.
  'qa/bad-signature': 422,
  'qa/unknown-key': 422,
  'qa/key-revoked': 403,
  // This person has no signing key on this computer yet (or it was revoked): create one first.
  'qa/no-signing-key': 409,
  'qa/unknown-document': 404,
  // The server's ledger is not a consistent extension of the tree head this desktop last verified.
  'ledger/fork': 409,
  'ledger/rollback': 409,
  // A tree head whose signature does not verify, or a server ledger key different from the pinned one.
  'ledger/bad-tree-head': 502,
  'ledger/server-key-changed': 409,
  // A verification bundle that is not even well-formed (each check's verdict is reported separately).
  'qa/bad-bundle': 400,
  'internal/unexpected': 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface AppErrorOptions {
  cause?: unknown;
  /** Field-level problems, e.g. flattened zod issues: `{ path: 'email', message: '...' }`. */
  issues?: readonly FieldIssue[];
  /** For 429s: when trying again can succeed (sent as HTTP Retry-After, shown to the person). */
  retryAfterSeconds?: number;
}

export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly FieldIssue[] | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.issues = options.issues;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code];
  }

  toJSON(): SerializedError {
    const out: SerializedError = { code: this.code, message: this.message };
    if (this.issues) out.issues = [...this.issues];
    if (this.retryAfterSeconds !== undefined) out.retryAfterSeconds = this.retryAfterSeconds;
    return out;
  }
}

/** The wire shape of an error: what leaves a server or the desktop core. Never a stack or SQL. */
export interface SerializedError {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
  retryAfterSeconds?: number;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
