import { describe, expect, it, vi } from 'vitest';
import { readUploadReply, stageFile, StageFileError, stagingRoute } from './stage-file';

const file = new File(['NDC;Charge\n'], 'Bestand März.csv', { type: 'text/csv' });

describe('stagingRoute', () => {
  it('prefers the path Electron gives, else uploads with the shell token', () => {
    expect(stagingRoute(file, { pathFor: () => '/home/dana/Bestand.csv', authorization: null })).toEqual({ kind: 'path', path: '/home/dana/Bestand.csv' });
    expect(stagingRoute(file, { pathFor: undefined, authorization: 'Bearer t' })).toEqual({ kind: 'upload', authorization: 'Bearer t' });
    // Electron, but the File has no path (dragged from a web page): nothing to upload to.
    expect(stagingRoute(file, { pathFor: () => '', authorization: null }).kind).toBe('impossible');
  });
});

describe('stageFile', () => {
  it('opens a path through the router', async () => {
    const openPath = vi.fn(async () => ({ id: 'a' }));
    await expect(stageFile(file, { pathFor: () => '/x.csv', openPath, authorization: null })).resolves.toEqual({ id: 'a' });
    expect(openPath).toHaveBeenCalledWith('/x.csv');
  });

  it('uploads the bytes with the token and the encoded name', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ id: 'b' }), { status: 200, headers: { 'content-type': 'application/json' } }));
    await expect(stageFile(file, { pathFor: undefined, openPath: vi.fn(), authorization: 'Bearer t', fetch: fetchMock as unknown as typeof fetch })).resolves.toEqual({ id: 'b' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/import/upload?name=Bestand%20M%C3%A4rz.csv');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['authorization']).toBe('Bearer t');
    expect(init.body).toBe(file);
  });
});

describe('readUploadReply', () => {
  it('passes on the shell’s error sentence', () => {
    expect(() => readUploadReply(400, 'application/json', { code: 'import/encrypted-file', message: 'This workbook is password-protected.' })).toThrow(
      expect.objectContaining({ error: { code: 'import/encrypted-file', message: 'This workbook is password-protected.' } }),
    );
  });
  it('words a bare status', () => {
    try {
      readUploadReply(401, 'text/plain', null);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(StageFileError);
      expect((err as StageFileError).error.code).toBe('auth/token-invalid');
    }
    expect(() => readUploadReply(502, null, null)).toThrow(/HTTP 502/);
  });
});
