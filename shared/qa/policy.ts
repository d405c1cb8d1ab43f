import { z } from 'zod';
import type { Role } from '../auth/schemas';
import type { SignatureMeaning } from './signature';

/**
 * Which signatures a record needs before it is approved, in order, each by a different person
 * (issue 5: configurable author / reviewer / QA approval). The last one approves. A company sets
 * its policy once per document type; the default is all three.
 */
export const REQUIRED_MEANINGS = ['authored', 'reviewed', 'approved'] as const;
export const requiredMeaningSchema = z.enum(REQUIRED_MEANINGS);

export const policySchema = z.strictObject({
  coa: z.array(requiredMeaningSchema).min(1),
  gdp: z.array(requiredMeaningSchema).min(1),
  gmp: z.array(requiredMeaningSchema).min(1),
}).superRefine((p, ctx) => {
  for (const type of ['coa', 'gdp', 'gmp'] as const) {
    const list = p[type];
    if (new Set(list).size !== list.length) ctx.addIssue({ code: 'custom', path: [type], message: 'a meaning appears twice' });
    if (list.at(-1) !== 'approved') ctx.addIssue({ code: 'custom', path: [type], message: 'the last required signature must be the approval' });
    const order = list.map((m) => REQUIRED_MEANINGS.indexOf(m));
    if (order.some((v, i) => i > 0 && v < (order[i - 1] as number))) ctx.addIssue({ code: 'custom', path: [type], message: 'signatures must be in the order authored, reviewed, approved' });
  }
});
export type Policy = z.infer<typeof policySchema>;

export const DEFAULT_POLICY: Policy = {
  coa: ['authored', 'reviewed', 'approved'],
  gdp: ['authored', 'reviewed', 'approved'],
  gmp: ['authored', 'reviewed', 'approved'],
};

/**
 * Authority checks (21 CFR 11.10(g)): who may write records and give each meaning. Warehouse
 * staff record GDP events (a temperature excursion is found on the dock); only QA approves.
 */
export const MAY_WRITE: readonly Role[] = ['admin', 'qa', 'warehouse'];
export const MAY_SIGN: Record<SignatureMeaning, readonly Role[]> = {
  authored: ['admin', 'qa', 'warehouse'],
  reviewed: ['admin', 'qa'],
  approved: ['qa'],
  rejected: ['admin', 'qa'],
};
/** Void is a QA decision; changing the policy is an administrator's. */
export const MAY_VOID: readonly Role[] = ['admin', 'qa'];
export const MAY_SET_POLICY: readonly Role[] = ['admin'];
