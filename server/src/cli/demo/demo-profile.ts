import { createTRPCClient, TRPCClientError, unstable_localLink } from '@trpc/client';
import { AppError, isAppError, isErrorCode, type FieldIssue } from '../../../../shared/errors';
import type { DesktopConfig } from '../../../../src-main/core/config';
import { createDesktopCore, type RunningDesktopCore } from '../../../../src-main/core/create-desktop-core';
import { desktopRouter, type DesktopRouter } from '../../../../src-main/core/router';

export type DesktopApi = ReturnType<typeof createTRPCClient<DesktopRouter>>;

export interface DemoProfile {
  core: RunningDesktopCore;
  /** The desktop router as the renderer calls it; failures arrive as AppError. */
  call<T>(fn: (api: DesktopApi) => Promise<T>): Promise<T>;
  close(): void;
}

/**
 * The local desktop profile the app opens: the real desktop core on its encrypted replica, with
 * the replica key in the OS keychain. No keychain means no profile — the core's own message
 * (which says how to fix it) is what the person sees, never a plaintext fallback.
 */
export function openDemoProfile(config: DesktopConfig): DemoProfile {
  const core = createDesktopCore({ config, shell: 'browser', autoSync: false });
  const status = core.status();
  if (!status.replica.open) {
    core.close();
    const error = status.replica.error ?? status.keychain.error;
    throw new AppError(error?.code ?? 'keychain/unavailable', error?.message ?? `The local profile at ${config.dataDir} could not be opened.`);
  }
  const api = createTRPCClient<DesktopRouter>({ links: [unstable_localLink({ router: desktopRouter, createContext: async () => ({ core }) })] });
  return {
    core,
    call: async (fn) => {
      try {
        return await fn(api);
      } catch (err) {
        throw asAppError(err);
      }
    },
    close: () => core.close(),
  };
}

/** A desktop-router failure as the AppError the core threw (its `{code, message}` shape). */
export function asAppError(err: unknown): unknown {
  if (!(err instanceof TRPCClientError)) return err;
  if (isAppError(err.cause)) return err.cause;
  const app = (err.data as { app?: { code?: unknown; message?: unknown; issues?: FieldIssue[] } } | undefined)?.app;
  if (app && isErrorCode(app.code) && typeof app.message === 'string') return new AppError(app.code, app.message, { cause: err, issues: app.issues });
  return new AppError('internal/unexpected', err.message, { cause: err });
}
