import { createContext, useContext } from 'react';
import { bearer, type LinkChoice } from './trpc-link';

type ConnectedChoice = Exclude<LinkChoice, { kind: 'missing-token' }>;

const LinkChoiceContext = createContext<ConnectedChoice | null>(null);

/** The transport chosen at start-up, for the few calls that are not tRPC (a file upload). */
export const LinkChoiceProvider = LinkChoiceContext.Provider;

/**
 * The `authorization` header the browser shell expects on its non-tRPC routes (`/import/upload`):
 * the same per-launch token the tRPC link sends. Null inside Electron, where there is no HTTP.
 */
export function useShellAuthorization(): string | null {
  const choice = useContext(LinkChoiceContext);
  return choice?.kind === 'http' ? bearer(choice.token) : null;
}
