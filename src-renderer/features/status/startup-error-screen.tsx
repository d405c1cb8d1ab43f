import { DatabaseZap, KeyRound, RefreshCw } from 'lucide-react';
import type { AppStatus } from '../../app/router-types';
import { Button } from '../../components/button';
import { Code } from '../../components/code';
import { FullScreenMessage } from '../../components/full-screen-message';
import type { StartupProblem } from './startup-problem';

/** A start-up problem Atlas will not work around; the only way forward is to fix it and retry. */
export function StartupErrorScreen({ problem, status, onRetry, retrying }: { problem: StartupProblem; status: AppStatus; onRetry: () => void; retrying: boolean }) {
  const Icon = problem.kind === 'keychain' ? KeyRound : DatabaseZap;
  return (
    <FullScreenMessage
      icon={<Icon aria-hidden="true" className="size-5" />}
      title={problem.title}
      actions={
        <Button variant="primary" size="lg" autoFocus busy={retrying} icon={<RefreshCw aria-hidden="true" className="size-4" />} onClick={onRetry}>
          Try again
        </Button>
      }
    >
      <p className="font-medium text-fg">{problem.message}</p>
      <div>
        <h2 className="mb-1 text-[12px] font-semibold tracking-wide text-muted uppercase">What to do</h2>
        <ol className="list-decimal space-y-1 pl-5">
          {problem.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </div>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 rounded-md border border-line bg-surface-2 p-3 text-[12.5px]">
        <dt className="text-muted">Keychain</dt>
        <dd>{status.keychain.backend}</dd>
        <dt className="text-muted">Database</dt>
        <dd>
          <Code>{status.replica.path}</Code>
        </dd>
        {problem.code ? (
          <>
            <dt className="text-muted">Error code</dt>
            <dd>
              <Code>{problem.code}</Code>
            </dd>
          </>
        ) : null}
      </dl>
    </FullScreenMessage>
  );
}
