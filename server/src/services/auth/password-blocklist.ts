import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../../../../shared/errors';

/**
 * NIST SP 800-63B §3.1.1.2: a new password is compared against values known to be commonly used
 * or compromised, repetitive or sequential characters, and context-specific words (the service's
 * name, the person's name or email). Length rules stay in the shared schema (12+ characters, no
 * composition rules); this is the server-side half, which needs the list and the context.
 *
 * The list is zxcvbn-ts's `passwords-common` (≈ 49,000 passwords ranked from public breach
 * corpora), held in a Set once per process.
 */
const COMMON = new Set(dictionary['passwords-common']);
const SERVICE_WORDS = ['atlas'];
/** What must remain once the context words are taken out (half the 12-character minimum... plus two). */
const MIN_REST = 8;

export interface PasswordContext {
  email?: string | null;
  name?: string | null;
}

/** The reason a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  const plain = password.toLowerCase();
  const squeezed = plain.replace(/\s+/g, '');
  // A symbol tacked on the end ("Password123!") is the commonest way to pass a composition rule.
  const bare = squeezed.replace(/[^a-z0-9]+$/, '');
  if (COMMON.has(squeezed) || COMMON.has(plain) || COMMON.has(bare)) return 'This password is on a list of commonly used passwords. Choose another: a few unrelated words work well.';
  if (new Set(squeezed).size <= 2) return 'This password repeats the same one or two characters. Choose another.';
  if (isSequential(squeezed)) return 'This password is a simple sequence (like 123456789012 or abcdefghijkl). Choose another.';
  let rest = squeezed;
  for (const word of contextWords(context)) rest = rest.split(word).join('');
  if (rest.length < MIN_REST || COMMON.has(rest)) return 'This password is mostly your name, your email or the name of the service. Choose another.';
  return null;
}

/** Throws `validation/invalid-input` naming the field when `passwordProblem` finds one. */
export function assertAcceptablePassword(password: string, context: PasswordContext, field = 'password'): void {
  const problem = passwordProblem(password, context);
  if (problem) throw new AppError('validation/invalid-input', problem, { issues: [{ path: field, message: problem }] });
}

function contextWords(context: PasswordContext): string[] {
  const local = context.email?.toLowerCase().split('@')[0] ?? '';
  const parts = [...(context.name?.toLowerCase().split(/[\s.,'-]+/) ?? []), ...local.split(/[._+-]+/), local.replace(/[._+-]+/g, '')];
  return [...SERVICE_WORDS, ...parts.filter((w) => w.length >= 3)].sort((a, b) => b.length - a.length);
}

function isSequential(text: string): boolean {
  if (text.length < 4) return false;
  const step = (text.charCodeAt(1) - text.charCodeAt(0));
  if (Math.abs(step) !== 1) return false;
  for (let i = 2; i < text.length; i += 1) {
    const d = text.charCodeAt(i) - text.charCodeAt(i - 1);
    // 9 → 0 continues an ascending digit run ("1234567890"), 0 → 9 a descending one.
    const wraps = (step === 1 && text[i - 1] === '9' && text[i] === '0') || (step === -1 && text[i - 1] === '0' && text[i] === '9');
    if (d !== step && !wraps) return false;
  }
  return true;
}
