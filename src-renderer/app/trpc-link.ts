import { httpBatchLink, type TRPCLink } from '@trpc/client';
import { ipcLink } from 'trpc-electron/renderer';
import type { DesktopRouter } from '../../src-main/core/router';

/**
 * How the renderer reaches the desktop router. Inside Electron the preload exposes
 * `window.electronTRPC` and calls go over IPC. In the browser shell (`npm start`) the page is
 * served over HTTP and every call must carry the per-launch token that the start-up URL hands
 * over once in its fragment (`#token=…`). A fragment never reaches a server log or a Referer
 * header; the token is kept in sessionStorage so a reload of the same tab keeps working.
 */
export type LinkChoice = { kind: 'ipc' } | { kind: 'http'; token: string } | { kind: 'missing-token' };

export const SHELL_TOKEN_STORAGE_KEY = 'atlas.shell-token';

export interface ShellToken {
  token: string | null;
  /** True when the token came from the address bar, which must then be cleaned. */
  fromHash: boolean;
  /** The fragment to leave in the address bar: the old one without `token=…` (may be ''). */
  remainingHash: string;
}

// Printable ASCII only: the token goes into an HTTP header, where CR/LF or non-Latin-1 would throw.
const TOKEN_PATTERN = /^[\x21-\x7e]{1,512}$/;

export function isValidShellToken(value: string | null | undefined): value is string {
  return typeof value === 'string' && TOKEN_PATTERN.test(value);
}

/**
 * Reads `token=` from a URL fragment (`#token=abc&x=1` or `token=abc`), falling back to the
 * token stored earlier in this tab. A token in the fragment wins: it comes from a newer launch.
 * Split by hand rather than with URLSearchParams, which would turn a `+` of base64 into a space.
 */
export function parseShellToken(hash: string, stored: string | null): ShellToken {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const parts = fragment === '' ? [] : fragment.split('&');
  let fromHash: string | null = null;
  const rest: string[] = [];
  for (const part of parts) {
    if (part.startsWith('token=')) {
      fromHash = safeDecode(part.slice('token='.length));
    } else if (part !== '') {
      rest.push(part);
    }
  }
  const remainingHash = rest.length > 0 ? `#${rest.join('&')}` : '';
  if (isValidShellToken(fromHash)) return { token: fromHash, fromHash: true, remainingHash };
  // An invalid token in the fragment is still removed from the address bar.
  const hadTokenPart = parts.some((part) => part.startsWith('token='));
  return { token: isValidShellToken(stored) ? stored : null, fromHash: hadTokenPart, remainingHash };
}

/** Decides the transport from what the page can see; pure so it can be tested without a DOM. */
export function chooseLink(env: { hasIpcBridge: boolean; hash: string; stored: string | null }): LinkChoice {
  if (env.hasIpcBridge) return { kind: 'ipc' };
  const { token } = parseShellToken(env.hash, env.stored);
  return token ? { kind: 'http', token } : { kind: 'missing-token' };
}

/** The `authorization` header value for the browser shell. */
export function bearer(token: string): string {
  return `Bearer ${token}`;
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

interface ShellWindow {
  electronTRPC?: unknown;
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/**
 * The one impure step, run once at start: picks the link, stores a fresh token and removes it
 * from the address bar (and so from history) with `history.replaceState`.
 */
export function resolveLinkChoice(win: ShellWindow): LinkChoice {
  if (win.electronTRPC !== undefined) return { kind: 'ipc' };
  const stored = readStored(win);
  const parsed = parseShellToken(win.location.hash, stored);
  if (parsed.fromHash) {
    if (parsed.token) writeStored(win, parsed.token);
    win.history.replaceState(win.history.state, '', `${win.location.pathname}${win.location.search}${parsed.remainingHash}`);
  }
  return parsed.token ? { kind: 'http', token: parsed.token } : { kind: 'missing-token' };
}

/** Forgets a token the shell rejected (e.g. one from a previous launch kept by a reload). */
export function forgetShellToken(win: Pick<ShellWindow, 'sessionStorage'>): void {
  try {
    win.sessionStorage.removeItem(SHELL_TOKEN_STORAGE_KEY);
  } catch {
    // Storage may be disabled; then there is nothing to forget.
  }
}

function readStored(win: ShellWindow): string | null {
  try {
    return win.sessionStorage.getItem(SHELL_TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

function writeStored(win: ShellWindow, token: string): void {
  try {
    win.sessionStorage.setItem(SHELL_TOKEN_STORAGE_KEY, token);
  } catch {
    // Without storage the page still works until the next reload.
  }
}

/**
 * A non-JSON error from the browser shell (e.g. a bare 401 for a stale token). tRPC would only
 * see a JSON parse failure and lose the status, so the fetch wrapper below throws this instead.
 */
export class ShellHttpError extends Error {
  constructor(readonly status: number) {
    super(`The Atlas shell answered HTTP ${status}.`);
    this.name = 'ShellHttpError';
  }
}

export function isJsonResponse(contentType: string | null): boolean {
  return contentType !== null && /^application\/(.+\+)?json\b/i.test(contentType.trim());
}

const shellFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const response = await fetch(input, init);
  if (!response.ok && !isJsonResponse(response.headers.get('content-type'))) throw new ShellHttpError(response.status);
  return response;
};

export function createLinks(choice: Exclude<LinkChoice, { kind: 'missing-token' }>): TRPCLink<DesktopRouter>[] {
  if (choice.kind === 'ipc') return [ipcLink<DesktopRouter>()];
  const authorization = bearer(choice.token);
  return [httpBatchLink<DesktopRouter>({ url: '/trpc', headers: () => ({ authorization }), fetch: shellFetch })];
}
