import { Check } from 'lucide-react';
import { Fragment } from 'react';
import { MEANING_LABELS, type SignatureMeaning } from '../../../shared/qa/signature';
import type { QaSignature } from './qa-types';
import { Badge } from '../../components/badge';
import { cx } from '../../components/cx';
import { PendingSyncBadge } from './qa-badges';
import { formatUtc, MEANING_SHORT } from './qa-format';

/** `Authored ✔ — Reviewed — Approved`: the signatures the policy requires, in order, and which are given. */
export function SignatureSteps({ required, signatures }: { required: SignatureMeaning[]; signatures: QaSignature[] }) {
  const rejected = signatures.find((s) => s.signature.manifestation.meaning === 'rejected');
  return (
    <ol aria-label="Required signatures" className="flex flex-wrap items-center gap-1.5 text-[13px]">
      {required.map((meaning, i) => {
        const done = signatures.some((s) => s.signature.manifestation.meaning === meaning);
        return (
          <Fragment key={meaning}>
            {i > 0 ? (
              <li aria-hidden="true" className="text-muted">
                —
              </li>
            ) : null}
            <li className={cx('inline-flex items-center gap-1', done ? 'font-medium text-ok' : 'text-muted')}>
              {MEANING_SHORT[meaning]}
              {done ? (
                <>
                  <Check aria-hidden="true" className="size-3.5" />
                  <span className="sr-only">(signed)</span>
                </>
              ) : (
                <span className="sr-only">(not yet signed)</span>
              )}
            </li>
          </Fragment>
        );
      })}
      {rejected ? (
        <li className="ml-2">
          <Badge tone="danger">Rejected</Badge>
        </li>
      ) : null}
    </ol>
  );
}

/**
 * Every signature's manifestation, shown with the record (21 CFR 11.50): the printed name, the
 * date and time in UTC, the meaning, the reason, the key that made it, and whether the ledger
 * has accepted it yet.
 */
export function SignatureList({ signatures }: { signatures: QaSignature[] }) {
  if (signatures.length === 0) return <p className="text-[13px] text-muted">No signature on this version yet.</p>;
  return (
    <ul aria-label="Signatures" className="flex flex-col divide-y divide-line rounded-md border border-line">
      {signatures.map((s) => {
        const m = s.signature.manifestation;
        return (
          <li key={`${s.signature.keyId}:${m.signedAt}`} className="grid grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)_minmax(0,1.4fr)] gap-x-4 gap-y-0.5 px-3 py-2 text-[13px]">
            <div>
              <p className="font-semibold">{m.printedName}</p>
              <p className={cx('text-[12.5px]', m.meaning === 'rejected' ? 'text-danger' : 'text-fg/90')}>{MEANING_LABELS[m.meaning]}</p>
            </div>
            <div>
              <p className="tabular-nums">{formatUtc(m.signedAt)}</p>
              <p className="text-[12px] text-muted">{m.reason ? `Reason: ${m.reason}` : 'No reason given'}</p>
            </div>
            <div className="min-w-0">
              <p className="truncate font-mono text-[11.5px]" title={`Key fingerprint ${s.signature.keyId}`}>
                <span className="font-sans text-muted">Key </span>
                {s.signature.keyId}
              </p>
              <p className="text-[12px]">{s.seq === null ? <PendingSyncBadge /> : <span className="text-muted">Ledger entry #{s.seq}{s.at ? ` · accepted ${formatUtc(s.at)}` : ''}</span>}</p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
