import { z } from 'zod';
import { personNameSchema } from './schemas';

/**
 * Issue 6, Data protection: the personal data Atlas holds beyond the sign-in email, and the GDPR
 * rights over it (Art. 15/20 access and portability, Art. 17 erasure). Server procedures:
 * auth.profile / auth.updateProfile / auth.exportMyData, company.profile / company.updateProfile /
 * company.eraseMember. Every PII column is encrypted at rest (AES-256-GCM with a key id).
 */
const phone = z
  .string()
  .trim()
  .max(40, 'Phone number is too long (at most 40 characters).')
  .regex(/^\+?[0-9 ()./-]{5,}$/, 'Enter a phone number with digits, e.g. +1 555 010 0199.');

export const profileView = z.object({ userId: z.string().uuid(), name: z.string(), email: z.string(), phone: z.string().nullable() });
export type ProfileView = z.infer<typeof profileView>;
export const updateProfileInput = z.object({ name: personNameSchema.optional(), phone: phone.nullable().optional() });

export const companyProfileView = z.object({
  companyId: z.string().uuid(),
  name: z.string(),
  address: z.string().nullable(),
  /** State pharmacy / wholesale distributor licence, DEA registration, or the EU WDA number. */
  licenceNumber: z.string().nullable(),
});
export type CompanyProfileView = z.infer<typeof companyProfileView>;
export const updateCompanyProfileInput = z.object({
  address: z.string().trim().max(500).nullable().optional(),
  licenceNumber: z.string().trim().max(100).nullable().optional(),
});

/** Art. 15/20: everything Atlas holds about the signed-in person, as one JSON document. */
export const personalDataExport = z.object({
  fileName: z.string(),
  json: z.string(),
});

/**
 * Art. 17 erasure, run by an administrator on the person's request. Regulated records stay intact
 * (21 CFR 11.10(e) audit trails and signed records must be kept: Art. 17(3)(b)); the person's
 * account is pseudonymised instead — name, email and phone replaced, sign-in made impossible.
 */
export const eraseMemberInput = z.object({ userId: z.string().uuid(), reason: z.string().trim().min(1, 'Give the reason (e.g. the request reference).').max(500) });
export const eraseMemberOutput = z.object({ userId: z.string().uuid(), pseudonym: z.string() });
