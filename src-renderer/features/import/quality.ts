import type { BadgeTone } from '../../components/badge';

export interface QualityLook {
  /** One word beside the number, so the colour is never the only cue (WCAG 1.4.1). */
  word: string;
  tone: Extract<BadgeTone, 'ok' | 'notice' | 'warn' | 'danger'>;
}

/** The data-quality score (0–100, shared/import/quality.ts) as a word and a colour. */
export function qualityLook(score: number): QualityLook {
  if (score >= 90) return { word: 'Good', tone: 'ok' };
  if (score >= 70) return { word: 'Fair', tone: 'notice' };
  if (score >= 40) return { word: 'Poor', tone: 'warn' };
  return { word: 'Bad', tone: 'danger' };
}

/** The tone's text colour class, for the big number. */
export const QUALITY_TEXT: Record<QualityLook['tone'], string> = {
  ok: 'text-ok',
  notice: 'text-notice',
  warn: 'text-warn',
  danger: 'text-danger',
};

/** The tone's bar colour class, for the meter. */
export const QUALITY_BAR: Record<QualityLook['tone'], string> = {
  ok: 'bg-ok',
  notice: 'bg-notice',
  warn: 'bg-warn',
  danger: 'bg-danger',
};
