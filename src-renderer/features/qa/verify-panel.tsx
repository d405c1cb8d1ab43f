import { CircleCheck, CircleX } from 'lucide-react';
import type { VerificationReport } from '../../../shared/qa/bundle';
import { cx } from '../../components/cx';

/**
 * The result of verifying a version against this computer's verified copy of the ledger: each
 * check (record hash, every signature against its registered key, inclusion proofs, the signed
 * tree head) with ✔ or ✘ and its sentence.
 */
export function VerifyResult({ report }: { report: VerificationReport }) {
  return (
    <section aria-label="Verification result" className={cx('rounded-md border p-3', report.ok ? 'border-transparent bg-ok-soft' : 'border-danger-line bg-danger-soft')}>
      <p role="status" className={cx('mb-2 flex items-center gap-1.5 text-[13.5px] font-semibold', report.ok ? 'text-ok' : 'text-danger')}>
        {report.ok ? <CircleCheck aria-hidden="true" className="size-4" /> : <CircleX aria-hidden="true" className="size-4" />}
        {report.ok ? 'Verified: every check passed' : 'Verification FAILED: see the checks marked ✘'}
      </p>
      <ul className="space-y-1 text-[13px]">
        {report.checks.map((c, i) => (
          <li key={`${c.check}-${i}`} className="flex gap-2" data-ok={c.ok}>
            <span aria-label={c.ok ? 'passed' : 'failed'} className={cx('w-4 shrink-0 font-bold', c.ok ? 'text-ok' : 'text-danger')}>
              {c.ok ? '✔' : '✘'}
            </span>
            <span>
              <span className="font-medium">{c.check}</span> — {c.message}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
