import type { z } from 'zod';
import type { FieldIssue } from './errors';

/** Flattens zod issues to `{path, message}` pairs that name the field, e.g. `company.name`. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
}
