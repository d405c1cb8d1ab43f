import { useMutation } from '@tanstack/react-query';
import { RefreshCw, ShieldAlert, ShieldCheck } from 'lucide-react';
import type { QaLedger } from './qa-types';
import { toAppError } from '../../app/app-error';
import { useTRPC } from '../../app/trpc';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Code } from '../../components/code';
import { formatUtc, plural } from './qa-format';
import { useQaAfterChange } from './use-qa';

/** The first 16 characters of a base64 root: enough to compare by eye with the server or a print. */
function shortRoot(root: string): string {
  return root.length > 16 ? `${root.slice(0, 16)}…` : root;
}

/**
 * The state of this computer's copy of the company's QA ledger: the last tree head it verified
 * (size, root, when), the QA changes still waiting to be sent, and — in red, in plain words — a
 * ledger that failed verification (a fork or a rollback, RFC 6962 §2.1.2) and the changes the
 * server refused.
 */
export function LedgerStrip({ ledger }: { ledger: QaLedger | undefined }) {
  const trpc = useTRPC();
  const afterChange = useQaAfterChange();
  const sync = useMutation(trpc.qa.sync.mutationOptions({ onSettled: afterChange }));
  if (!ledger) return null;
  return (
    <div className="flex flex-col gap-2">
      {ledger.problem ? (
        <div role="alert" className="flex items-start gap-2.5 rounded-md border border-danger bg-danger-soft px-3 py-2.5 text-[13px] text-fg">
          <ShieldAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-danger" />
          <div>
            <p className="font-semibold text-danger">The server’s QA ledger failed verification — nothing from it was accepted</p>
            <p className="mt-0.5">{ledger.problem.message}</p>
          </div>
        </div>
      ) : null}
      <section aria-label="QA ledger" className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-md border border-line bg-surface px-3 py-1.5 text-[12.5px]">
        {ledger.treeSize !== null && ledger.rootHash ? (
          <span className="flex items-center gap-1.5" data-testid="ledger-verified">
            <ShieldCheck aria-hidden="true" className="size-3.5 text-ok" />
            Ledger verified: <strong className="font-semibold tabular-nums">{plural(ledger.treeSize, 'entry', 'entries')}</strong>
            <span className="text-muted">root</span>
            <span title={ledger.rootHash}>
              <Code>{shortRoot(ledger.rootHash)}</Code>
            </span>
            {ledger.verifiedAt ? <span className="text-muted">at {formatUtc(ledger.verifiedAt)}</span> : null}
          </span>
        ) : (
          <span className="text-muted">No ledger tree head verified yet on this computer.</span>
        )}
        <span data-testid="qa-pending" className={ledger.pendingOps > 0 ? 'font-medium text-warn' : 'text-muted'}>
          {ledger.pendingOps > 0 ? `${plural(ledger.pendingOps, 'QA change')} pending sync` : 'All QA changes sent'}
        </span>
        <Button size="sm" variant="ghost" className="ml-auto" busy={sync.isPending} icon={<RefreshCw aria-hidden="true" className="size-3.5" />} onClick={() => sync.mutate()}>
          Sync QA ledger
        </Button>
      </section>
      {sync.isError ? <Alert title="Could not sync the QA ledger">{toAppError(sync.error).message}</Alert> : null}
      {ledger.rejected.length > 0 ? (
        <Alert title={`${plural(ledger.rejected.length, 'QA change')} the server did not accept`}>
          <ul className="list-disc space-y-0.5 pl-4">
            {ledger.rejected.map((r) => (
              <li key={r.opId}>
                <span className="font-medium">{r.summary}</span> — {r.error.message}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </div>
  );
}
