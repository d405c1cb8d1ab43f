import { describe, expect, it, vi } from 'vitest';
import { bearer, chooseLink, isJsonResponse, isValidShellToken, parseShellToken, resolveLinkChoice, SHELL_TOKEN_STORAGE_KEY } from './trpc-link';

describe('parseShellToken', () => {
  it('reads the token from the fragment and leaves nothing behind', () => {
    expect(parseShellToken('#token=abc123', null)).toEqual({ token: 'abc123', fromHash: true, remainingHash: '' });
  });

  it('keeps other fragment parts', () => {
    expect(parseShellToken('#view=stock&token=abc&x=1', null)).toEqual({ token: 'abc', fromHash: true, remainingHash: '#view=stock&x=1' });
  });

  it('accepts a fragment without the leading #', () => {
    expect(parseShellToken('token=abc', null).token).toBe('abc');
  });

  it('decodes percent-escapes but keeps + (base64) as it is', () => {
    expect(parseShellToken('#token=a%2Bb+c%3D', null).token).toBe('a+b+c=');
  });

  it('prefers the fragment over a stored token from an older launch', () => {
    expect(parseShellToken('#token=new', 'old').token).toBe('new');
  });

  it('falls back to the stored token on reload', () => {
    expect(parseShellToken('', 'stored-token')).toEqual({ token: 'stored-token', fromHash: false, remainingHash: '' });
  });

  it('returns null when there is no token anywhere', () => {
    expect(parseShellToken('', null).token).toBeNull();
    expect(parseShellToken('#', null).token).toBeNull();
    expect(parseShellToken('#other=1', null)).toEqual({ token: null, fromHash: false, remainingHash: '#other=1' });
  });

  it('rejects empty, malformed and header-unsafe tokens but still strips them from the address bar', () => {
    expect(parseShellToken('#token=', null)).toEqual({ token: null, fromHash: true, remainingHash: '' });
    expect(parseShellToken('#token=%E0%A4%A', null).token).toBeNull();
    expect(parseShellToken('#token=a%0D%0Ab', null).token).toBeNull();
    expect(parseShellToken('#token=bad%20token', 'stored').token).toBe('stored');
  });

  it('ignores an invalid stored token', () => {
    expect(parseShellToken('', 'has space').token).toBeNull();
  });
});

describe('isValidShellToken', () => {
  it('accepts printable ASCII up to 512 characters', () => {
    expect(isValidShellToken('Az09-_.~+/=')).toBe(true);
    expect(isValidShellToken('x'.repeat(512))).toBe(true);
    expect(isValidShellToken('x'.repeat(513))).toBe(false);
    expect(isValidShellToken('ä')).toBe(false);
    expect(isValidShellToken(null)).toBe(false);
  });
});

describe('chooseLink', () => {
  it('uses IPC whenever the Electron bridge exists, even with a token in the URL', () => {
    expect(chooseLink({ hasIpcBridge: true, hash: '#token=abc', stored: null })).toEqual({ kind: 'ipc' });
  });

  it('uses HTTP with the token in the browser shell', () => {
    expect(chooseLink({ hasIpcBridge: false, hash: '#token=abc', stored: null })).toEqual({ kind: 'http', token: 'abc' });
    expect(chooseLink({ hasIpcBridge: false, hash: '', stored: 'kept' })).toEqual({ kind: 'http', token: 'kept' });
  });

  it('reports a missing token', () => {
    expect(chooseLink({ hasIpcBridge: false, hash: '', stored: null })).toEqual({ kind: 'missing-token' });
  });
});

describe('bearer', () => {
  it('formats the authorization header', () => {
    expect(bearer('abc')).toBe('Bearer abc');
  });
});

describe('resolveLinkChoice', () => {
  function fakeWindow(hash: string, stored: string | null = null) {
    const storage = new Map<string, string>(stored ? [[SHELL_TOKEN_STORAGE_KEY, stored]] : []);
    return {
      location: { hash, pathname: '/', search: '?a=1' },
      history: { state: null, replaceState: vi.fn() },
      sessionStorage: {
        getItem: (key: string) => storage.get(key) ?? null,
        setItem: (key: string, value: string) => void storage.set(key, value),
        removeItem: (key: string) => void storage.delete(key),
      },
      storage,
    };
  }

  it('stores a token from the fragment and removes it from the address bar', () => {
    const win = fakeWindow('#token=abc&view=stock');
    expect(resolveLinkChoice(win)).toEqual({ kind: 'http', token: 'abc' });
    expect(win.storage.get(SHELL_TOKEN_STORAGE_KEY)).toBe('abc');
    expect(win.history.replaceState).toHaveBeenCalledWith(null, '', '/?a=1#view=stock');
  });

  it('leaves the address bar alone on a reload with a stored token', () => {
    const win = fakeWindow('', 'abc');
    expect(resolveLinkChoice(win)).toEqual({ kind: 'http', token: 'abc' });
    expect(win.history.replaceState).not.toHaveBeenCalled();
  });

  it('survives storage that throws', () => {
    const win = fakeWindow('#token=abc');
    win.sessionStorage.getItem = () => {
      throw new Error('denied');
    };
    win.sessionStorage.setItem = () => {
      throw new Error('denied');
    };
    expect(resolveLinkChoice(win)).toEqual({ kind: 'http', token: 'abc' });
  });

  it('picks IPC when the preload exposed the bridge', () => {
    const win = { ...fakeWindow('#token=abc'), electronTRPC: {} };
    expect(resolveLinkChoice(win)).toEqual({ kind: 'ipc' });
    expect(win.history.replaceState).not.toHaveBeenCalled();
  });
});

describe('isJsonResponse', () => {
  it('recognises JSON content types', () => {
    expect(isJsonResponse('application/json')).toBe(true);
    expect(isJsonResponse('application/json; charset=utf-8')).toBe(true);
    expect(isJsonResponse('application/problem+json')).toBe(true);
    expect(isJsonResponse('text/plain')).toBe(false);
    expect(isJsonResponse(null)).toBe(false);
  });
});
