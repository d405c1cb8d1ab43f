import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from './errors';

/** The wire shape of an AppError, validated where one arrives from another process. */
export const serializedErrorSchema = z.object({
  code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  retryAfterSeconds: z.number().int().nonnegative().optional(),
});
