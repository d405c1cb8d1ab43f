/**
 * Postgres reports a unique violation as SQLSTATE 23505 with the constraint's name (both
 * node-postgres and PGlite expose `code` and `constraint`); drizzle wraps it in a
 * DrizzleQueryError, so walk the cause chain.
 */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  for (let e: unknown = err, depth = 0; e !== null && typeof e === 'object' && depth < 5; depth++) {
    const { code, constraint: name } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505') return name === undefined || name === constraint;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
