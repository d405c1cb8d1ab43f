import { Badge } from '../../components/badge';
import { Card } from '../../components/card';
import { cx } from '../../components/cx';
import { issueLabel } from './mapping-labels';
import { formatCount } from './progress-format';
import { QUALITY_BAR, QUALITY_TEXT, qualityLook } from './quality';
import type { ImportView } from './use-import';

/** The file at a glance: how many rows, how many usable, and a quality score with the issues behind it. */
export function SummaryCard({ view }: { view: ImportView }) {
  const s = view.summary;
  if (!s) return null;
  const look = qualityLook(s.quality);
  const issues = Object.entries(view.issueCounts as Record<string, number>)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  return (
    <Card className="p-4">
      <h2 className="text-[13px] font-semibold">Data quality</h2>
      <div className="mt-2 flex items-end gap-2">
        <p className={cx('text-[32px] leading-none font-semibold tabular-nums', QUALITY_TEXT[look.tone])}>
          {s.quality}
          <span className="sr-only"> out of 100</span>
        </p>
        <span aria-hidden="true" className="pb-0.5 text-[12px] text-muted">
          / 100
        </span>
        <Badge tone={look.tone} className="mb-0.5 ml-auto">
          {look.word}
        </Badge>
      </div>
      <div aria-hidden="true" className="mt-2 h-1.5 overflow-hidden rounded-full bg-surface-2">
        <div className={cx('h-full rounded-full', QUALITY_BAR[look.tone])} style={{ width: `${Math.max(2, s.quality)}%` }} />
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-x-3 gap-y-1.5 text-[12.5px]">
        <Count term="Rows" value={s.total} />
        <Count term="Valid" value={s.valid} tone={s.valid > 0 ? 'text-ok' : undefined} />
        <Count term="With errors" value={s.invalid} tone={s.invalid > 0 ? 'text-danger' : undefined} />
        <Count term="Warnings" value={s.warnings} tone={s.warnings > 0 ? 'text-warn' : undefined} />
        <Count term="New products" value={s.newProducts} />
        <Count term="Blank rows" value={s.blank} />
      </dl>
      {issues.length > 0 ? (
        <div className="mt-3 border-t border-line pt-2.5">
          <h3 className="text-[11.5px] font-semibold tracking-wide text-muted uppercase">Issues found</h3>
          <ul className="mt-1.5 space-y-1 text-[12.5px]">
            {issues.map(([code, n]) => (
              <li key={code} className="flex justify-between gap-2">
                <span className="min-w-0">{issueLabel(code)}</span>
                <span className="shrink-0 font-medium tabular-nums">{formatCount(n)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="mt-3 border-t border-line pt-2.5 text-[12.5px] text-muted">No issues found.</p>
      )}
    </Card>
  );
}

function Count({ term, value, tone }: { term: string; value: number; tone?: string | undefined }) {
  return (
    <div className="flex items-baseline justify-between gap-2">
      <dt className="text-muted">{term}</dt>
      <dd className={cx('font-semibold tabular-nums', tone)}>{formatCount(value)}</dd>
    </div>
  );
}
