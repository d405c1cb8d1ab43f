import type { BadgeTone } from '../../components/badge';
import { Badge } from '../../components/badge';
import { describeExpiry, expiryBand, type ExpiryBand } from './expiry-band';
import { formatDate } from './format-date';

const TONES: Record<ExpiryBand, BadgeTone | null> = {
  expired: 'danger',
  'within-7': 'danger',
  'within-14': 'warn',
  'within-30': 'notice',
  ok: null,
  unknown: null,
};

const SHORT: Record<ExpiryBand, string | null> = {
  expired: 'Expired',
  'within-7': '≤ 7 d',
  'within-14': '≤ 14 d',
  'within-30': '≤ 30 d',
  ok: null,
  unknown: null,
};

/** The expiry date, with a band badge within 30 days; the badge's title and sr-text say it in words. */
export function ExpiryCell({ expiry, today }: { expiry: string; today: string }) {
  const band = expiryBand(expiry, today);
  const tone = TONES[band];
  const short = SHORT[band];
  const words = describeExpiry(expiry, today);
  return (
    <span className="inline-flex items-center gap-2">
      <time dateTime={expiry} className="tabular-nums">
        {formatDate(expiry)}
      </time>
      {tone && short ? (
        <Badge tone={tone}>
          <span aria-hidden="true" title={words ?? undefined}>
            {short}
          </span>
          <span className="sr-only">{words}</span>
        </Badge>
      ) : null}
    </span>
  );
}
