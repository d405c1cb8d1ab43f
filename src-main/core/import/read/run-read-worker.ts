import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../../shared/errors';
import type { Cell } from '../../../../shared/import/types';
import { PausableDeadline } from './pausable-deadline';
import { readWorkerTarget, type WorkerTarget } from './worker-url';
import type { AckMessage, ReadProgress, SpreadsheetMeta, WorkerMessage, WorkerRequest } from './worker-protocol';

/**
 * The worker's heap cap. A parse that needs more (SheetJS holds a whole sheet) ends with
 * ERR_WORKER_OUT_OF_MEMORY in the worker alone, instead of pushing the app toward its own limit.
 */
export const WORKER_HEAP_MB = 2048;

export interface ReadWorkerCallbacks {
  onMeta?: (meta: SpreadsheetMeta) => void;
  onRows?: (rows: Cell[][]) => void | Promise<void>;
  onProgress?: (progress: ReadProgress) => void;
  onSheets?: (format: SpreadsheetMeta['format'], sheets: string[]) => void;
}

/**
 * Runs one request in a fresh worker and settles exactly once: with the row count on 'done', or
 * with an AppError — the worker's own, 'import/cancelled' on abort, 'import/parse-timeout', or
 * 'import/unreadable-file' when the thread dies. The worker is terminated in every case.
 * `target` is for tests that need a worker which crashes.
 */
export function runReadWorker(request: WorkerRequest, callbacks: ReadWorkerCallbacks, signal: AbortSignal | undefined, target?: WorkerTarget): Promise<number> {
  const fileName = basename(request.path);
  return new Promise<number>((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled(fileName));
    let worker: Worker;
    try {
      const { url, execArgv } = target ?? readWorkerTarget();
      worker = new Worker(url, { workerData: request, execArgv, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    } catch (err) {
      return reject(crashed(fileName, err instanceof Error ? err : new Error(String(err))));
    }
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      deadline.stop();
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      return true;
    };
    const fail = (err: unknown) => settle() && reject(err);
    const onAbort = () => fail(cancelled(fileName));
    const ms = request.limits.timeoutMs;
    const limit = ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
    const deadline = new PausableDeadline(request.limits.timeoutMs, () =>
      fail(new AppError('import/parse-timeout', `Reading “${fileName}” took longer than ${limit} and was stopped. The file may be damaged, or too big to import at once.`)),
    );
    signal?.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (message: WorkerMessage) => {
      if (settled) return;
      try {
        switch (message.type) {
          case 'meta':
            return callbacks.onMeta?.(message.meta);
          case 'progress':
            return callbacks.onProgress?.(message.progress);
          case 'sheets':
            callbacks.onSheets?.(message.format, message.sheets);
            return settle() && resolve(0);
          case 'rows':
            deadline.pause();
            return void Promise.resolve()
              .then(() => callbacks.onRows?.(message.rows))
              .then(() => {
                if (settled) return;
                deadline.resume();
                worker.postMessage({ type: 'ack' } satisfies AckMessage);
              }, fail);
          case 'done':
            return settle() && resolve(message.rowCount);
          case 'error':
            return fail(new AppError(message.code, message.message));
        }
      } catch (err) {
        fail(err);
      }
    });
    worker.on('error', (err: Error & { code?: string }) => fail(crashed(fileName, err)));
    worker.on('messageerror', (err) => fail(crashed(fileName, err)));
    worker.on('exit', (code) => fail(crashed(fileName, new Error(`exit code ${code}`))));
  });
}

function cancelled(fileName: string): AppError {
  return new AppError('import/cancelled', `Reading “${fileName}” was cancelled.`);
}

function crashed(fileName: string, err: Error & { code?: string }): AppError {
  if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new AppError('import/file-too-large', `“${fileName}” needs more than ${WORKER_HEAP_MB / 1024} GB of memory to read. Split it into smaller files, or save it as .csv, which Atlas reads piece by piece.`, {
      cause: err,
    });
  }
  return new AppError('import/unreadable-file', `Atlas could not read “${fileName}”: its file reader stopped unexpectedly. Try saving the file again as .xlsx or .csv.`, { cause: err });
}
