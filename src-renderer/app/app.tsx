import { useState } from 'react';
import { ShellTokenScreen } from '../features/status/shell-token-screen';
import { LinkChoiceProvider } from './link-choice';
import { Providers } from './providers';
import { StartupGate } from './startup-gate';
import { ThemeProvider } from './theme-provider';
import { createLinks, type LinkChoice } from './trpc-link';

/** The root: theme, then either the missing-token screen or the app over the chosen link. */
export function App({ choice }: { choice: LinkChoice }) {
  return <ThemeProvider>{choice.kind === 'missing-token' ? <ShellTokenScreen reason="missing" /> : <ConnectedApp choice={choice} />}</ThemeProvider>;
}

function ConnectedApp({ choice }: { choice: Exclude<LinkChoice, { kind: 'missing-token' }> }) {
  const [links] = useState(() => createLinks(choice));
  return (
    <LinkChoiceProvider value={choice}>
      <Providers links={links}>
        <StartupGate />
      </Providers>
    </LinkChoiceProvider>
  );
}
