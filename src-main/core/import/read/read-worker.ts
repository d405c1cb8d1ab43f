import { basename } from 'node:path';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { isAppError } from '../../../../shared/errors';
import { listSheetsByContent, readByContent } from './read-by-content';
import { passwordProtected } from './read-errors';
import type { SinkPort } from './row-sink';
import type { AckMessage, WorkerMessage, WorkerRequest } from './worker-protocol';

/**
 * Entry of the reader thread (bundled as out/main/import-read-worker.js). Parsing an untrusted
 * file off the main thread keeps the app responsive, and lets the main side stop a runaway parse
 * with worker.terminate() — a synchronous SheetJS parse cannot be interrupted any other way.
 * Importing this module outside a worker does nothing.
 */
if (parentPort && isRequest(workerData)) void run(parentPort, workerData);

async function run(parent: MessagePort, request: WorkerRequest): Promise<void> {
  const port = connect(parent);
  try {
    await (request.mode === 'list-sheets' ? listSheetsByContent(request, port) : readByContent(request, port));
  } catch (err) {
    port.post(toErrorMessage(err, basename(request.path)));
  }
}

function connect(parent: MessagePort): SinkPort {
  const waiting: (() => void)[] = [];
  parent.on('message', (message: AckMessage) => {
    if (message?.type === 'ack') waiting.shift()?.();
  });
  return {
    post: (message) => parent.postMessage(message),
    nextAck: () => new Promise<void>((resolve) => waiting.push(resolve)),
  };
}

/**
 * Only a code and a sentence cross back, never a stack. SheetJS throws plain Errors whose text
 * is about its internals ("Unsupported ZIP Compression method 99", "Cannot read properties of
 * undefined"); they become "cannot be read", keeping that text only as a short detail.
 */
function toErrorMessage(err: unknown, fileName: string): WorkerMessage {
  if (isAppError(err)) return { type: 'error', code: err.code, message: err.message };
  const detail = (err instanceof Error ? err.message : String(err)).split('\n')[0]?.slice(0, 160) ?? '';
  if (/password/i.test(detail)) return toErrorMessage(passwordProtected(fileName), fileName);
  return {
    type: 'error',
    code: 'import/unreadable-file',
    message: `Atlas cannot read “${fileName}”: it is damaged or not a spreadsheet format Atlas knows (${detail}). Open it in Excel and save it as .xlsx or .csv.`,
  };
}

function isRequest(data: unknown): data is WorkerRequest {
  return typeof data === 'object' && data !== null && (data as WorkerRequest).mode !== undefined && typeof (data as WorkerRequest).path === 'string';
}
