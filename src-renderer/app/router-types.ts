import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { DesktopRouter } from '../../src-main/core/router';

/** Types inferred from the desktop router, so the screens never hand-copy them. */
export type RouterInputs = inferRouterInputs<DesktopRouter>;
export type RouterOutputs = inferRouterOutputs<DesktopRouter>;
export type AppStatus = RouterOutputs['app']['status'];
export type SessionInfo = NonNullable<RouterOutputs['session']['current']>;
