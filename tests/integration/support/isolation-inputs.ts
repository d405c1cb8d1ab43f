import { randomBytes, randomUUID } from 'node:crypto';

/**
 * Builds valid inputs for any tRPC procedure from its zod v4 input schema (`schema._zod.def`), so
 * the tenant-isolation test (OWASP ASVS 5.0 8.2.2 / 8.4.1) covers a procedure added later
 * without anyone writing its input by hand.
 *
 * Identifier-shaped string leaves (a uuid, e-mail or regex format: ids, key fingerprints, emails)
 * are filled with the `target` — one of the victim company's identifiers — whenever the leaf
 * accepts it; every other leaf gets a valid sample drawn from the schema's own constraints. A
 * candidate is kept only if the leaf itself accepts it (`safeParse`), and the whole input is
 * retried with other random choices until the procedure's schema accepts it, so refinements across
 * fields (expiry after manufacture, version 1 ⇔ no previous version) are met by search, not by hand.
 */

type Def = { type: string; [key: string]: unknown };
interface ZodLike {
  _zod: { def: Def; optin?: 'optional' };
  safeParse(value: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
}

/**
 * minimal: optional fields left out, nullable ones null, the first choice of each enum/union;
 * maximal: everything filled, the last choice; random: seeded choices; targeted: minimal, but an
 * optional or nullable field is filled when it can carry the target (e.g. only `userId` of a filter).
 */
export type FillMode = 'minimal' | 'maximal' | 'random' | 'targeted';

export interface FillContext {
  /** The victim's identifier put into every identifier-shaped leaf that accepts it (null: fresh values). */
  target: string | null;
  /** Per-path override (e.g. `companyId` → the caller's own company); undefined = no override. */
  override?: (path: readonly string[]) => string | undefined;
  /** Value for an opaque `z.unknown()` / `z.any()` leaf (e.g. a sync mutation's args). */
  opaque?: (path: readonly string[]) => unknown;
  /** Put the target into free-text leaves too (a `cursor: z.string()` that is really an id). */
  freeText?: boolean;
  mode: FillMode;
  rng: () => number;
}

/** Thrown when a schema node has no generator (a `z.custom`, `z.never`, a function, ...). */
export class CannotBuild extends Error {}

export function seededRng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    // xorshift32: deterministic, so a failure names an input that can be reproduced.
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x1_0000_0000;
  };
}

const pick = <T>(items: readonly T[], ctx: FillContext): T => {
  if (items.length === 0) throw new CannotBuild('nothing to choose from');
  if (ctx.mode === 'minimal' || ctx.mode === 'targeted') return items[0] as T;
  if (ctx.mode === 'maximal') return items[items.length - 1] as T;
  return items[Math.floor(ctx.rng() * items.length)] as T;
};

const def = (s: unknown): Def => (s as ZodLike)._zod.def;
const checksOf = (d: Def): Def[] => ((d.checks as ZodLike[] | undefined) ?? []).map((c) => c._zod.def);

/** Whether a string leaf is identifier-shaped: a format or pattern, not free text. */
function stringFormat(d: Def): { format: string | null; patterns: RegExp[] } {
  const patterns: RegExp[] = [];
  let format = typeof d.format === 'string' ? d.format : null;
  if (d.pattern instanceof RegExp) patterns.push(d.pattern);
  for (const c of checksOf(d)) {
    if (c.check === 'string_format') {
      format = format ?? (c.format as string);
      if (c.pattern instanceof RegExp) patterns.push(c.pattern);
    }
  }
  return { format, patterns };
}

function lengthBounds(d: Def): { min: number; max: number } {
  let min = 0;
  let max = Infinity;
  for (const c of checksOf(d)) {
    if (c.check === 'min_length') min = Math.max(min, c.minimum as number);
    if (c.check === 'max_length') max = Math.min(max, c.maximum as number);
    if (c.check === 'length_equals') {
      min = c.length as number;
      max = c.length as number;
    }
  }
  return { min, max };
}

let serial = 0;
const base64 = (n: number) => randomBytes(n).toString('base64');

/** Candidate strings for a leaf, best first; the leaf's own safeParse then filters them. */
function stringCandidates(schema: ZodLike, path: readonly string[], ctx: FillContext): string[] {
  const d = def(schema);
  const { format, patterns } = stringFormat(d);
  const { min, max } = lengthBounds(d);
  const out: string[] = [];
  const override = ctx.override?.(path);
  if (override !== undefined) out.push(override);
  const identifierShaped = format !== null || patterns.length > 0;
  if ((identifierShaped || ctx.freeText) && ctx.target !== null) out.push(ctx.target);
  serial += 1;
  switch (format) {
    case 'uuid':
    case 'guid':
      out.push(randomUUID());
      break;
    case 'email':
      out.push(`probe-${serial}@isolation.example`);
      break;
    case 'datetime':
      out.push(new Date(Date.now() - Math.floor(ctx.rng() * 86_400_000)).toISOString());
      break;
    case 'date':
      out.push('2026-01-15');
      break;
    case 'url':
      out.push('https://isolation.example/probe');
      break;
    case 'base64':
      out.push(base64(32), base64(64));
      break;
    default:
      break;
  }
  // Formats handled above have well-known samples; their regexes (uuid's nil/max alternatives,
  // e-mail's) would only add look-alike values that collide across calls.
  const known = format !== null && ['uuid', 'guid', 'email', 'datetime', 'date', 'url', 'base64'].includes(format);
  if (!known) for (const p of patterns) for (let i = 0; i < 6; i++) out.push(sampleRegex(p, ctx.rng));
  // Free text (and a fallback for formats above): sized to the bounds.
  const words = ['Probe value', 'x', 'probe', 'Isolation probe text that is long enough for most minimum lengths'];
  for (const w of words) {
    let s = w;
    while (s.length < min) s += ` ${w}`;
    if (s.length > max) s = s.slice(0, max);
    out.push(s.trim().length === s.length ? s : s.trimEnd() + 'x'.repeat(s.length - s.trimEnd().length));
  }
  // Opaque tokens of a given size (refresh tokens, MFA tokens, invitation tokens).
  out.push(randomBytes(Math.max(24, Math.ceil(Math.min(Math.max(min, 32), max === Infinity ? 64 : max) * 0.75))).toString('base64url').slice(0, Math.min(Math.max(min, 43), max)));
  out.push('2026-01-15', '2027-06-30', '2025-03-01', new Date().toISOString(), '123456', '00000000000', '12345678901', '00312345678906', base64(32), base64(64));
  return out;
}

/** Builds one value for `schema`; throws CannotBuild when a node has no generator. */
export function sampleValue(schema: unknown, ctx: FillContext, path: readonly string[] = []): unknown {
  const s = schema as ZodLike;
  const d = def(s);
  switch (d.type) {
    case 'string': {
      const candidates = stringCandidates(s, path, ctx);
      const valid = candidates.filter((c) => s.safeParse(c).success);
      if (valid.length === 0) throw new CannotBuild(`no valid string for ${path.join('.') || '(root)'}`);
      // The override and the target (when accepted) come first and always win.
      const first = valid[0] as string;
      const override = ctx.override?.(path);
      if (first === override) return first;
      // The target wins, except now and then in random mode so that rules such as "two ids must
      // differ" can still be met (the caller keeps only inputs that carry the target somewhere).
      if (first === ctx.target && (ctx.mode !== 'random' || ctx.rng() < 0.75)) return first;
      const rest = valid.filter((v) => v !== ctx.target);
      if (rest.length === 0) return first;
      return ctx.mode === 'random' ? pick(rest, ctx) : (rest[0] as string);
    }
    case 'number': {
      let lo = -1_000;
      let hi = 1_000_000;
      let int = false;
      for (const c of checksOf(d)) {
        if (c.check === 'greater_than') lo = Math.max(lo, (c.value as number) + (c.inclusive ? 0 : 1e-9));
        if (c.check === 'less_than') hi = Math.min(hi, (c.value as number) - (c.inclusive ? 0 : 1e-9));
        if (c.check === 'number_format' && String(c.format).includes('int')) int = true;
      }
      if (int) {
        lo = Math.ceil(lo);
        hi = Math.floor(hi);
      }
      const base = lo <= 0 && hi >= 0 ? (lo < 0 ? 0 : lo) : lo;
      if (ctx.mode === 'minimal' || ctx.mode === 'targeted' || (ctx.mode === 'random' && ctx.rng() < 0.5)) return base;
      const span = Math.min(hi - base, 20);
      const v = base + ctx.rng() * span;
      return int ? Math.round(v) : v;
    }
    case 'boolean':
      return ctx.mode === 'minimal' || ctx.mode === 'targeted' ? false : ctx.mode === 'maximal' ? true : ctx.rng() < 0.5;
    case 'literal':
      return pick(d.values as unknown[], ctx);
    case 'enum':
      return pick(Object.values(d.entries as Record<string, unknown>), ctx);
    case 'null':
      return null;
    case 'undefined':
    case 'void':
      return undefined;
    case 'date':
      return new Date();
    case 'bigint':
      return 1n;
    case 'nan':
      return Number.NaN;
    case 'unknown':
    case 'any':
      return ctx.opaque ? ctx.opaque(path) : {};
    case 'optional':
      if (ctx.mode === 'targeted') return onlyWithTarget(d.innerType, ctx, path, undefined);
      if (ctx.mode === 'minimal' || (ctx.mode === 'random' && ctx.rng() < 0.3)) return undefined;
      return sampleValue(d.innerType, ctx, path);
    case 'nullable':
      if (ctx.mode === 'targeted') return onlyWithTarget(d.innerType, ctx, path, null);
      if (ctx.mode === 'minimal' || (ctx.mode === 'random' && ctx.rng() < 0.3)) return null;
      return sampleValue(d.innerType, ctx, path);
    case 'default':
    case 'prefault':
      if (ctx.mode === 'targeted') return onlyWithTarget(d.innerType, ctx, path, undefined);
      if (ctx.mode === 'minimal') return undefined;
      return sampleValue(d.innerType, ctx, path);
    case 'nonoptional':
    case 'readonly':
    case 'catch':
    case 'success':
      return sampleValue(d.innerType, ctx, path);
    case 'lazy':
      return sampleValue((d.getter as () => unknown)(), ctx, path);
    case 'pipe':
      // The input side is what a caller sends; a transform's output is computed from it.
      return sampleValue(d.in, ctx, path);
    case 'object': {
      const shape = d.shape as Record<string, ZodLike>;
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(shape)) {
        const optional = field._zod.optin === 'optional';
        if (optional && ctx.mode === 'targeted') {
          const v = onlyWithTarget(field, ctx, [...path, key], undefined);
          if (v !== undefined) out[key] = v;
          continue;
        }
        if (optional && (ctx.mode === 'minimal' || (ctx.mode === 'random' && ctx.rng() < 0.3))) continue;
        const v = sampleValue(field, ctx, [...path, key]);
        if (v !== undefined) out[key] = v;
      }
      return out;
    }
    case 'array': {
      const { min, max } = lengthBounds(d);
      // Random inputs carry several elements (e.g. several QA ops of different kinds in one push).
      const n = ctx.mode === 'random' ? Math.min(max, Math.max(min, 1) + Math.floor(ctx.rng() * 5)) : Math.min(max, Math.max(min, 1));
      return Array.from({ length: n }, (_, i) => sampleValue(d.element, ctx, [...path, String(i)]));
    }
    case 'tuple':
      return (d.items as unknown[]).map((item, i) => sampleValue(item, ctx, [...path, String(i)]));
    case 'set':
      return new Set([sampleValue(d.valueType, ctx, [...path, '0'])]);
    case 'map':
      return new Map([[sampleValue(d.keyType, ctx, [...path, 'key']), sampleValue(d.valueType, ctx, [...path, 'value'])]]);
    case 'record': {
      const key = sampleValue(d.keyType, { ...ctx, target: null }, [...path, '(key)']);
      return { [String(key)]: sampleValue(d.valueType, ctx, [...path, String(key)]) };
    }
    case 'union':
      return sampleValue(pick(d.options as unknown[], ctx), ctx, path);
    case 'intersection': {
      const left = sampleValue(d.left, ctx, path);
      const right = sampleValue(d.right, ctx, path);
      if (isPlainObject(left) && isPlainObject(right)) return { ...left, ...right };
      return right;
    }
    default:
      throw new CannotBuild(`no generator for a zod "${d.type}" at ${path.join('.') || '(root)'}`);
  }
}

/** In targeted mode: the field filled (minimal inside) when that puts the target in it, else `absent`. */
function onlyWithTarget(inner: unknown, ctx: FillContext, path: readonly string[], absent: unknown): unknown {
  if (ctx.target === null) return absent;
  try {
    const v = sampleValue(inner, { ...ctx, mode: 'targeted' }, path);
    const probe = v === undefined ? absent : v;
    // Only this subtree, so a required sibling elsewhere holding the target does not count.
    return (JSON.stringify(probe ?? null) ?? '').includes(ctx.target) ? v : absent;
  } catch (err) {
    if (err instanceof CannotBuild) return absent;
    throw err;
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export type BuildResult = { ok: true; value: unknown; carriesTarget: boolean } | { ok: false; reason: string };

/**
 * A value `schema.safeParse` accepts, carrying the target when any leaf takes it: the `first`
 * variant (maximal: every optional field filled; minimal: none), then the other, then random ones
 * from `seed`. No schema (a procedure without input) builds `undefined`.
 */
export function buildInput(schema: unknown, base: Omit<FillContext, 'mode' | 'rng'>, seed = 1, first: FillMode = 'maximal', attempts = 80): BuildResult {
  if (schema === undefined) return { ok: true, value: undefined, carriesTarget: false };
  const s = schema as ZodLike;
  const rng = seededRng(seed);
  let lastReason = 'no attempt';
  let withoutTarget: unknown;
  let found = false;
  for (let i = 0; i < attempts; i++) {
    const mode: FillMode = first === 'random' ? 'random' : i === 0 ? first : i === 1 ? (first === 'maximal' ? 'minimal' : 'maximal') : 'random';
    try {
      const value = sampleValue(s, { ...base, mode, rng });
      const parsed = s.safeParse(value);
      if (parsed.success) {
        const carriesTarget = base.target === null || (JSON.stringify(value ?? null, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) ?? '').includes(base.target);
        if (carriesTarget) return { ok: true, value, carriesTarget };
        if (!found) withoutTarget = value;
        found = true;
        continue;
      }
      lastReason = (parsed.error?.issues ?? []).map((iss) => `${iss.path.join('.') || '(root)'}: ${iss.message}`).join('; ');
    } catch (err) {
      if (!(err instanceof CannotBuild)) throw err;
      lastReason = err.message;
    }
  }
  return found ? { ok: true, value: withoutTarget, carriesTarget: false } : { ok: false, reason: lastReason };
}

// ── A small regex sampler for the patterns the schemas use (anchors, classes, groups, quantifiers) ──

type Node =
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; branches: Node[] }
  | { t: 'chars'; chars: string }
  | { t: 'rep'; node: Node; min: number; max: number }
  | { t: 'empty' };

const DIGITS = '0123456789';
const WORD = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_';
const PRINTABLE = WORD + ' -.,:/';

export function sampleRegex(re: RegExp, rng: () => number): string {
  const src = re.source;
  let i = 0;
  const peek = () => src[i];
  const escapeChars = (c: string): string => {
    if (c === 'd') return DIGITS;
    if (c === 'w') return WORD;
    if (c === 's') return ' ';
    if (c === 'D' || c === 'W' || c === 'S') return '-';
    return c;
  };
  const parseClass = (): Node => {
    i++; // [
    let negate = false;
    if (peek() === '^') {
      negate = true;
      i++;
    }
    let chars = '';
    let first = true;
    while (i < src.length && (peek() !== ']' || first)) {
      first = false;
      let c = src[i++] as string;
      if (c === '\\') {
        const e = src[i++] as string;
        if (e === 'u') {
          c = String.fromCharCode(parseInt(src.slice(i, i + 4), 16));
          i += 4;
        } else {
          chars += escapeChars(e);
          continue;
        }
      }
      if (peek() === '-' && src[i + 1] !== ']' && src[i + 1] !== undefined) {
        i++;
        let end = src[i++] as string;
        if (end === '\\') {
          const e = src[i++] as string;
          end = e === 'u' ? String.fromCharCode(parseInt(src.slice(i, (i += 4)), 16)) : e;
        }
        for (let code = c.charCodeAt(0); code <= end.charCodeAt(0) && code < c.charCodeAt(0) + 200; code++) chars += String.fromCharCode(code);
      } else chars += c;
    }
    i++; // ]
    if (negate) chars = [...PRINTABLE].filter((ch) => !chars.includes(ch)).join('');
    return { t: 'chars', chars };
  };
  const parseAtom = (): Node => {
    const c = src[i] as string;
    if (c === '(') {
      i++;
      let lookaround = false;
      if (peek() === '?') {
        i++;
        const k = src[i] as string;
        if (k === ':') i++;
        else if (k === '=' || k === '!') {
          lookaround = true;
          i++;
        } else if (k === '<') {
          i++;
          if (peek() === '=' || peek() === '!') {
            lookaround = true;
            i++;
          } else while (i < src.length && src[i] !== '>') i++, void 0;
          if (!lookaround) i++;
        }
      }
      const inner = parseAlt();
      i++; // )
      return lookaround ? { t: 'empty' } : inner;
    }
    if (c === '[') return parseClass();
    i++;
    if (c === '\\') {
      const e = src[i++] as string;
      if (e === 'u') {
        const ch = String.fromCharCode(parseInt(src.slice(i, i + 4), 16));
        i += 4;
        return { t: 'chars', chars: ch };
      }
      if (e === 'b' || e === 'B') return { t: 'empty' };
      return { t: 'chars', chars: escapeChars(e) };
    }
    if (c === '^' || c === '$') return { t: 'empty' };
    if (c === '.') return { t: 'chars', chars: WORD };
    return { t: 'chars', chars: c };
  };
  const parseSeq = (): Node => {
    const items: Node[] = [];
    while (i < src.length && peek() !== '|' && peek() !== ')') {
      let node = parseAtom();
      const q = peek();
      if (q === '{') {
        const close = src.indexOf('}', i);
        const [a, b] = src.slice(i + 1, close).split(',');
        const min = Number(a);
        const max = b === undefined ? min : b === '' ? min + 3 : Number(b);
        i = close + 1;
        node = { t: 'rep', node, min, max };
      } else if (q === '?') {
        i++;
        node = { t: 'rep', node, min: 0, max: 1 };
      } else if (q === '*') {
        i++;
        node = { t: 'rep', node, min: 0, max: 3 };
      } else if (q === '+') {
        i++;
        node = { t: 'rep', node, min: 1, max: 4 };
      }
      if (peek() === '?') i++; // lazy quantifier
      items.push(node);
    }
    return { t: 'seq', items };
  };
  const parseAlt = (): Node => {
    const branches = [parseSeq()];
    while (peek() === '|') {
      i++;
      branches.push(parseSeq());
    }
    return branches.length === 1 ? (branches[0] as Node) : { t: 'alt', branches };
  };
  const gen = (n: Node): string => {
    switch (n.t) {
      case 'empty':
        return '';
      case 'chars':
        return n.chars[Math.floor(rng() * n.chars.length)] ?? '';
      case 'seq':
        return n.items.map(gen).join('');
      case 'alt':
        return gen(n.branches[Math.floor(rng() * n.branches.length)] as Node);
      case 'rep': {
        const count = n.min + Math.floor(rng() * (Math.min(n.max, n.min + 3) - n.min + 1));
        return Array.from({ length: count }, () => gen(n.node)).join('');
      }
    }
  };
  return gen(parseAlt());
}
