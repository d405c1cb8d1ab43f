import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { DesktopRouter } from '../../src-main/core/router';

/** Typed hooks for the desktop router; types flow from the router, never copied by hand. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<DesktopRouter>();
