import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../../shared/errors';
import { readCsv, sniffCsv } from './read-csv';
import { emptyFile, tooLarge } from './read-errors';
import { RowNormalizer } from './row-normalizer';
import { RowSink, type SinkPort } from './row-sink';
import { sniffContainer } from './sniff-format';
import type { WorkerRequest } from './worker-protocol';

const HEAD_BYTES = 64 * 1024;

/**
 * The worker's job: check the file's size, tell its format from its first bytes (whatever its
 * name says), and run the matching reader. SheetJS (~1 MB of code) is loaded only for workbooks.
 */
export async function readByContent(request: WorkerRequest, port: SinkPort): Promise<void> {
  const { size, head } = await openChecked(request);
  const container = sniffContainer(head);
  const sink = new RowSink(port, request.batchRows, size);
  const rows = new RowNormalizer(sink, request.limits, basename(request.path));
  if (container === 'text') {
    await readCsv({ path: request.path, size, head, limits: request.limits, port, sink, rows });
  } else {
    const { readWorkbook } = await import('./read-workbook');
    await readWorkbook({ path: request.path, size, container, sheet: request.sheet, limits: request.limits, port, sink, rows });
  }
  const rowCount = await sink.finish();
  if (rowCount === 0) throw emptyFile(basename(request.path));
  sink.progress(size, 'reading', 1, true);
  port.post({ type: 'done', rowCount });
}

export async function listSheetsByContent(request: WorkerRequest, port: SinkPort): Promise<void> {
  const { size, head } = await openChecked(request);
  const container = sniffContainer(head);
  if (container === 'text') {
    const sniff = await sniffCsv(request.path, size, head);
    port.post({ type: 'sheets', format: sniff.format, sheets: [sniff.sheet] });
    return;
  }
  const { listWorkbookSheets } = await import('./read-workbook');
  const sheets = await listWorkbookSheets(request.path, container, request.limits);
  port.post({ type: 'sheets', format: container === 'zip' ? 'xlsx' : 'xls', sheets });
}

async function openChecked(request: WorkerRequest): Promise<{ size: number; head: Uint8Array }> {
  const fileName = basename(request.path);
  try {
    const info = await stat(request.path);
    if (!info.isFile()) throw new AppError('import/unreadable-file', `“${fileName}” is a folder, not a file.`);
    if (info.size === 0) throw emptyFile(fileName);
    if (info.size > request.limits.maxBytes) throw tooLarge(fileName, info.size, request.limits.maxBytes);
    const file = await open(request.path);
    try {
      const head = Buffer.alloc(Math.min(HEAD_BYTES, info.size));
      const { bytesRead } = await file.read(head, 0, head.length, 0);
      return { size: info.size, head: head.subarray(0, bytesRead) };
    } finally {
      await file.close();
    }
  } catch (err) {
    throw fileSystemError(err, fileName);
  }
}

function fileSystemError(err: unknown, fileName: string): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new AppError('import/unreadable-file', `“${fileName}” was not found; it may have been moved or deleted.`, { cause: err });
  if (code === 'EACCES' || code === 'EPERM') return new AppError('import/unreadable-file', `Atlas is not allowed to open “${fileName}”; check the file's permissions.`, { cause: err });
  if (code === 'EBUSY') return new AppError('import/unreadable-file', `“${fileName}” is locked by another program (is it open in Excel?); close it and try again.`, { cause: err });
  return err;
}
