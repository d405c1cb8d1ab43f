import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import type { StagedFile } from './import-session';

/**
 * Files dropped in the browser shell arrive as an upload and are written to the data directory
 * (the renderer has no file paths there); the Electron shell passes the dropped file's path.
 * Either way the SHA-256 of exactly the bytes imported goes into the import record.
 */
export async function stageUpload(dir: string, name: string, body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>, maxBytes: number): Promise<StagedFile> {
  // One directory per upload keeps the file's own name, which messages and CSV sheet names show.
  const own = join(dir, newId());
  mkdirSync(own, { recursive: true, mode: 0o700 });
  const safe = basename(name).replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120) || 'upload';
  const path = join(own, safe);
  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) return done(new AppError('import/file-too-large', `${name} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, the most Atlas imports at once.`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const source = body instanceof ReadableStream ? Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>) : Readable.from(body);
  await pipeline(source, meter, createWriteStream(path, { mode: 0o600 }));
  return { path, name: basename(name), bytes, sha256: hash.digest('hex') };
}

/** A file the user picked on this computer: imported in place, hashed first. */
export async function stagePath(path: string): Promise<StagedFile> {
  let bytes: number;
  try {
    const s = statSync(path);
    if (!s.isFile()) throw new Error('not a file');
    bytes = s.size;
  } catch {
    throw new AppError('import/unreadable-file', `${basename(path)} cannot be opened: it does not exist or is not a file.`);
  }
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { path, name: basename(path), bytes, sha256: hash.digest('hex') };
}
