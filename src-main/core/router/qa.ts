import { z } from 'zod';
import { passwordSchema } from '../../../shared/auth/schemas';
import { documentTypeSchema, qaText, typedContentSchema } from '../../../shared/qa/content';
import { versionStatusSchema } from '../../../shared/qa/ledger-entry';
import { policySchema } from '../../../shared/qa/policy';
import { keyIdSchema, meaningSchema } from '../../../shared/qa/signature';
import { procedure, router } from './trpc';

/** The signing password: checked by opening the sealed key, never stored or echoed (21 CFR 11.200). */
const password = z.string().min(1, 'enter your signing password').max(1024);
/** A new signing password follows the account password rules (NIST SP 800-63B: length, not composition). */
const newPassword = passwordSchema;
const documentId = z.string().uuid();
const reason = qaText(1000);
const which = z.object({ documentId, version: z.number().int().min(1).optional() });

/** Title plus type and content checked by the shared schemas (typedContentSchema), field by field. */
const createInput = z.object({ type: documentTypeSchema, title: qaText(200), content: z.unknown() }).superRefine((input, ctx) => {
  const parsed = typedContentSchema.safeParse({ type: input.type, content: input.content });
  if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
});

/**
 * QA documents with Part 11 e-signatures (issue 5). Works offline: changes and signatures are
 * decided locally, queued and synced to the server's ledger; exports come from the verified ledger.
 */
export const qaRouter = router({
  keyStatus: procedure.query(({ ctx }) => ctx.core.qa().keyStatus()),
  createKey: procedure.input(z.object({ password: newPassword })).mutation(({ ctx, input }) => ctx.core.qa().createKey(input)),
  rotateKey: procedure.input(z.object({ password, newPassword })).mutation(({ ctx, input }) => ctx.core.qa().rotateKey(input)),
  revokeKey: procedure.input(z.object({ keyId: keyIdSchema, reason: qaText(500) })).mutation(({ ctx, input }) => ctx.core.qa().revokeKey(input)),
  keys: procedure.query(({ ctx }) => ctx.core.qa().keys()),
  policy: procedure.query(({ ctx }) => ctx.core.qa().policy()),
  setPolicy: procedure.input(policySchema).mutation(({ ctx, input }) => ctx.core.qa().setPolicy(input)),

  list: procedure
    .input(z.object({ type: documentTypeSchema.optional(), status: versionStatusSchema.optional(), search: z.string().trim().max(200).optional() }).default({}))
    .query(({ ctx, input }) => ctx.core.qa().list(input)),
  get: procedure.input(z.object({ documentId })).query(({ ctx, input }) => ctx.core.qa().get(input.documentId)),
  create: procedure.input(createInput).mutation(({ ctx, input }) => ctx.core.qa().create(input)),
  edit: procedure.input(z.object({ documentId, title: qaText(200), content: z.unknown() })).mutation(({ ctx, input }) => ctx.core.qa().edit(input)),
  amend: procedure.input(z.object({ documentId, reason })).mutation(({ ctx, input }) => ctx.core.qa().amend(input)),
  void: procedure.input(z.object({ documentId, reason })).mutation(({ ctx, input }) => ctx.core.qa().void(input)),
  sign: procedure
    .input(z.object({ documentId, version: z.number().int().min(1), meaning: meaningSchema, reason: z.string().max(1000).nullable().default(null), password }))
    .mutation(({ ctx, input }) => ctx.core.qa().sign(input)),

  ledger: procedure.query(({ ctx }) => ctx.core.qa().ledger()),
  verify: procedure.input(which).query(({ ctx, input }) => ctx.core.qa().verify(input)),
  exportBundle: procedure.input(which).mutation(({ ctx, input }) => ctx.core.qa().exportBundle(input)),
  exportPdf: procedure.input(which).mutation(({ ctx, input }) => ctx.core.qa().exportPdf(input)),
  sync: procedure.mutation(({ ctx }) => ctx.core.qa().sync()),
});
