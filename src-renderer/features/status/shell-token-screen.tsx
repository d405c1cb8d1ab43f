import { Link2Off } from 'lucide-react';
import { Code } from '../../components/code';
import { FullScreenMessage } from '../../components/full-screen-message';

/**
 * The browser shell answers only requests that carry its per-launch token, handed over in the
 * fragment of the URL that `npm start` prints. Without it (or with one from an earlier launch)
 * the page cannot do anything, so it says how to get the right link.
 */
export function ShellTokenScreen({ reason }: { reason: 'missing' | 'rejected' }) {
  return (
    <FullScreenMessage
      tone="neutral"
      icon={<Link2Off aria-hidden="true" className="size-5" />}
      title={reason === 'missing' ? 'Open Atlas from the link printed by npm start' : 'This Atlas link is no longer valid'}
    >
      {reason === 'missing' ? (
        <p>
          This page is served by the Atlas browser shell. To keep other pages and programs on this computer out, it only answers requests that carry the access token
          from the link it prints when it starts.
        </p>
      ) : (
        <p>Atlas was restarted since this tab was opened, so the access token this tab remembered no longer works.</p>
      )}
      <ol className="list-decimal space-y-1 pl-5">
        <li>
          In the Atlas project folder, run <Code>npm start</Code> (or find the terminal where it is already running).
        </li>
        <li>
          Open the URL it prints. It ends in <Code>#token=…</Code>.
        </li>
      </ol>
      <p className="text-muted">The token is removed from the address bar once the page has read it, and is kept only for this tab.</p>
    </FullScreenMessage>
  );
}
