import { isErrorCode, type SerializedError } from '../../../shared/errors';
import type { AtlasFiles } from '../../../src-preload/index';
import { isJsonResponse } from '../../app/trpc-link';

declare global {
  interface Window {
    /** Electron only (src-preload): the path of a dropped or chosen file. */
    atlasFiles?: AtlasFiles;
  }
}

/** A staging failure already in the wire shape, so the screen shows its message as it is. */
export class StageFileError extends Error {
  constructor(readonly error: SerializedError) {
    super(error.message);
    this.name = 'StageFileError';
  }
}

export interface StageDeps {
  /** Electron: asks the preload for the file's path on disk (`window.atlasFiles.pathFor`). */
  pathFor: ((file: File) => string) | undefined;
  /** `imports.openPath` over tRPC. */
  openPath: (path: string) => Promise<{ id: string }>;
  /** Browser shell: the `authorization` header of `/import/upload`; null inside Electron. */
  authorization: string | null;
  fetch?: typeof fetch;
}

export type StagingRoute = { kind: 'path'; path: string } | { kind: 'upload'; authorization: string } | { kind: 'impossible'; message: string };

/**
 * Electron hands the core a path (nothing is copied through the renderer); the browser shell has
 * no path, so the bytes are uploaded to the shell, which stages them in the data directory.
 */
export function stagingRoute(file: File, deps: Pick<StageDeps, 'pathFor' | 'authorization'>): StagingRoute {
  const path = deps.pathFor?.(file) ?? '';
  if (path !== '') return { kind: 'path', path };
  if (deps.authorization) return { kind: 'upload', authorization: deps.authorization };
  return { kind: 'impossible', message: `“${file.name}” is not a file on this computer’s disk (it may come from a web page or an e-mail). Save it to a folder first, then drop or choose it from there.` };
}

/** Stages a dropped or chosen file and opens it as an import: resolves with the import's id. */
export async function stageFile(file: File, deps: StageDeps): Promise<{ id: string }> {
  const route = stagingRoute(file, deps);
  if (route.kind === 'path') return deps.openPath(route.path);
  if (route.kind === 'impossible') throw new StageFileError({ code: 'import/unreadable-file', message: route.message });
  const response = await (deps.fetch ?? fetch)(`/import/upload?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { authorization: route.authorization, 'content-type': 'application/octet-stream' },
    body: file,
  });
  return readUploadReply(response.status, response.headers.get('content-type'), isJsonResponse(response.headers.get('content-type')) ? await response.json() : null);
}

/** `{id}` on success; otherwise the shell's `{code, message}` (or a sentence for a bare status). */
export function readUploadReply(status: number, contentType: string | null, body: unknown): { id: string } {
  const json = isJsonResponse(contentType) && typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : null;
  if (status >= 200 && status < 300 && typeof json?.['id'] === 'string') return { id: json['id'] };
  const message = json?.['message'];
  if (typeof message === 'string') {
    const code = json?.['code'];
    throw new StageFileError({ code: isErrorCode(code) ? code : 'internal/unexpected', message });
  }
  if (status === 401 || status === 403) throw new StageFileError({ code: 'auth/token-invalid', message: 'This page’s access token was not accepted by the Atlas shell. Open the address that npm start printed again.' });
  if (status === 413) throw new StageFileError({ code: 'import/file-too-large', message: 'This file is too large to import.' });
  throw new StageFileError({ code: 'internal/unexpected', message: `Atlas could not take the file (HTTP ${status}). Please try again.` });
}
