import { AppError } from '../errors';

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the one byte-exact form of a JSON value that
 * signatures and ledger entries are computed over. The same value gives the same string on the
 * desktop, the server and an auditor's machine, whatever order its members were built in.
 *
 * Input must be I-JSON (RFC 8785 §3.1, RFC 7493): plain objects, arrays, strings without lone
 * surrogates, finite numbers, booleans and null. Anything else is refused rather than silently
 * dropped or coerced the way JSON.stringify would (undefined members vanish, NaN becomes null,
 * a Date becomes a string) — a signature over a lossy rendering would not sign what the user saw.
 */
export function canonicalJson(value: unknown): string {
  return serialize(value, '$', new Set());
}

function serialize(value: unknown, path: string, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return quote(value, path);
    case 'number':
      return number(value, path);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      return container(value, path, ancestors);
    default:
      // undefined, function, symbol, bigint: no JSON form (RFC 8785 §3.2.2.3 numbers are IEEE 754 doubles).
      throw refuse(path, `a ${typeof value} has no JSON form`);
  }
}

function container(value: object, path: string, ancestors: Set<object>): string {
  if (ancestors.has(value)) throw refuse(path, 'the value refers to itself (a cycle)');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return array(value, path, ancestors);
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      const kind = (value as { constructor?: { name?: unknown } }).constructor?.name;
      throw refuse(path, `a ${typeof kind === 'string' && kind ? kind : 'non-plain object'} is not a plain JSON object`);
    }
    if (Object.getOwnPropertySymbols(value).length > 0) throw refuse(path, 'symbol-keyed members have no JSON form');
    return object(value as Record<string, unknown>, path, ancestors);
  } finally {
    ancestors.delete(value);
  }
}

function array(value: readonly unknown[], path: string, ancestors: Set<object>): string {
  const parts: string[] = [];
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) throw refuse(`${path}[${i}]`, 'a sparse array hole has no JSON form');
    parts.push(serialize(value[i], `${path}[${i}]`, ancestors));
  }
  return `[${parts.join(',')}]`;
}

function object(value: Record<string, unknown>, path: string, ancestors: Set<object>): string {
  // RFC 8785 §3.2.3: members sorted by their names as arrays of UTF-16 code units, which is
  // exactly what the default Array.prototype.sort comparison does (no locale, no code points).
  const keys = Object.keys(value).sort();
  const parts: string[] = [];
  for (const key of keys) {
    const memberPath = `${path}.${key}`;
    parts.push(`${quote(key, memberPath)}:${serialize(value[key], memberPath, ancestors)}`);
  }
  return `{${parts.join(',')}}`;
}

function number(value: number, path: string): string {
  // RFC 8785 §3.2.2.3: finite IEEE 754 doubles only, serialised as ECMAScript Number::toString
  // (shortest round-trip digits; -0 becomes "0"; exponent form from 1e21 and below 1e-6).
  if (!Number.isFinite(value)) throw refuse(path, `${String(value)} is not a JSON number`);
  return Object.is(value, -0) ? '0' : String(value);
}

// With the u flag, \p{Surrogate} matches only code units that are not part of a valid pair.
const LONE_SURROGATE = /\p{Surrogate}/u;
// RFC 8785 §3.2.2.2: only '"', '\' and U+0000..U+001F are escaped; everything else is literal.
const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;
const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function quote(value: string, path: string): string {
  if (LONE_SURROGATE.test(value)) throw refuse(path, 'the string contains a lone UTF-16 surrogate (not valid Unicode, RFC 7493 §2.1)');
  if (!NEEDS_ESCAPE.test(value)) return `"${value}"`;
  let out = '"';
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && (code < 0x20 || ch === '"' || ch === '\\')) {
      out += SHORT_ESCAPES[ch] ?? `\\u${code.toString(16).padStart(4, '0')}`;
    } else {
      out += ch;
    }
  }
  return `${out}"`;
}

function refuse(path: string, why: string): AppError {
  return new AppError('ledger/not-canonical', `Cannot canonicalise ${path}: ${why}.`, {
    issues: [{ path, message: why }],
  });
}
