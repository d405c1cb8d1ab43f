import type { z } from 'zod';
import { toFieldIssues } from '../../../shared/zod-issues';
import { issuesByField, toAppError } from '../../app/app-error';
import type { FieldErrors } from '../../components/use-form';


/**
 * Early, client-side checks with the very schemas the desktop core validates with (it checks
 * again). The shared schemas word their messages as predicates ("must be more than 0") to sit
 * under a field's label, so they are given a capital and a full stop here.
 */
export function validateWith<F extends string>(schema: z.ZodType, value: unknown, fields: readonly F[]): FieldErrors<F> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  return sentenceCase(issuesByField(toFieldIssues(result.error), fields).byField);
}

export interface CommandFailure<F extends string> {
  /** For the alert above the form. */
  message: string;
  byField: FieldErrors<F>;
}

/** A failed command: field problems under their fields, the rest in one sentence. */
export function commandFailure<F extends string>(err: unknown, fields: readonly F[]): CommandFailure<F> {
  const app = toAppError(err);
  const { byField, other } = issuesByField(app.issues, fields);
  const fieldCount = Object.keys(byField).length;
  const message = fieldCount > 0 ? (other.length > 0 ? `Some details need fixing. ${other.join(' ')}` : 'Some details need fixing.') : app.message;
  return { message, byField: sentenceCase(byField) };
}

function sentenceCase<F extends string>(errors: FieldErrors<F>): FieldErrors<F> {
  const out: FieldErrors<F> = {};
  for (const [field, message] of Object.entries(errors) as [F, string][]) {
    const trimmed = message.trim();
    const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
    out[field] = /[.!?]$/.test(capital) ? capital : `${capital}.`;
  }
  return out;
}
