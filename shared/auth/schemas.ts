import { z } from 'zod';

/**
 * Account schemas shared by the server (authoritative validation) and the desktop
 * (early feedback in forms). Password rules follow NIST SP 800-63B §3.1.1.2: length over
 * composition rules, all printable characters and spaces allowed, no truncation.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Email address is too long (at most 254 characters).')
  .email('Enter a valid email address, e.g. name@company.com.');

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters long.`)
  .max(PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters long.`);

export const personNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter your full name.')
  .max(200, 'Name is too long (at most 200 characters).');

export const companyNameSchema = z
  .string()
  .trim()
  .min(2, 'Company name must be at least 2 characters.')
  .max(200, 'Company name is too long (at most 200 characters).');

export const registerInput = z.object({
  companyName: companyNameSchema,
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
});
export type RegisterInput = z.infer<typeof registerInput>;

export const signInInput = z.object({
  email: emailSchema,
  // Sign-in checks only presence: the stored hash decides, and length rules may change over time.
  password: z.string().min(1, 'Enter your password.').max(PASSWORD_MAX_LENGTH),
});
export type SignInInput = z.infer<typeof signInInput>;

export const refreshInput = z.object({
  refreshToken: z.string().min(32).max(200),
});
export type RefreshInput = z.infer<typeof refreshInput>;

export const roleSchema = z.enum(['admin', 'warehouse', 'qa', 'trader', 'auditor']);
export type Role = z.infer<typeof roleSchema>;

/**
 * An administrator adds a colleague to the company with a first password (issue 5: QA workflows
 * need several people per company). Issue 6 replaces this with e-mailed invitations.
 */
export const addMemberInput = z.object({
  email: emailSchema,
  name: personNameSchema,
  role: roleSchema,
  password: passwordSchema,
});
export type AddMemberInput = z.infer<typeof addMemberInput>;
export const addMemberOutput = z.object({ userId: z.string().uuid() });

export const sessionUser = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
});
export type SessionUser = z.infer<typeof sessionUser>;

export const sessionCompany = z.object({
  id: z.string().uuid(),
  name: z.string(),
});
export type SessionCompany = z.infer<typeof sessionCompany>;

/** What the server returns on register, sign-in and refresh. */
export const sessionTokens = z.object({
  accessToken: z.string(),
  /** ISO 8601 UTC. */
  accessTokenExpiresAt: z.string(),
  refreshToken: z.string(),
  refreshTokenExpiresAt: z.string(),
  user: sessionUser,
  company: sessionCompany,
});
export type SessionTokens = z.infer<typeof sessionTokens>;
