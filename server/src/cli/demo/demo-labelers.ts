/**
 * Fictitious labelers. Their names are invented, and their labeler codes were chosen because no
 * real package NDC uses them (checked against tests/fixtures/ndc/package-ndcs.csv, the FDA list,
 * by demo-data.test.ts): a demo NDC can never be mistaken for a real product. Every code starts
 * with 0, so the 11-digit 5-4-2 NDC is exactly a 4-4-2 NDC10 with that zero added (21 CFR 207.35)
 * and its GTIN-14 can be derived without a catalogue.
 */
export type LotStyle = 'slash' | 'dated' | 'batch-dash' | 'alpha' | 'year-month' | 'numeric' | 'vaccine';

export type LabelerKind = 'oral' | 'sterile' | 'biologic';

export interface Labeler {
  name: string;
  /** Five digits with a leading zero (a four-digit FDA labeler code). */
  code: string;
  kinds: readonly LabelerKind[];
  /** How this labeler writes lot numbers (each firm keeps one or two formats). */
  lotStyles: readonly LotStyle[];
}

export const LABELERS: readonly Labeler[] = [
  { name: 'Northfield Generics, Inc.', code: '01215', kinds: ['oral'], lotStyles: ['slash'] },
  { name: 'Cascade Pharmaceuticals LLC', code: '01248', kinds: ['oral'], lotStyles: ['dated'] },
  { name: 'Harborview Laboratories', code: '01508', kinds: ['oral', 'sterile'], lotStyles: ['batch-dash'] },
  { name: 'Bluestem Pharma USA', code: '01701', kinds: ['oral'], lotStyles: ['alpha', 'numeric'] },
  { name: 'Ashby & Crane Pharmaceuticals', code: '02049', kinds: ['oral'], lotStyles: ['year-month'] },
  { name: 'Lakeshore Health Products', code: '02073', kinds: ['oral'], lotStyles: ['numeric'] },
  { name: 'Pinecrest Pharmaceuticals Corp.', code: '03136', kinds: ['oral'], lotStyles: ['slash', 'alpha'] },
  { name: 'Granite State Laboratories', code: '03467', kinds: ['oral', 'sterile'], lotStyles: ['dated'] },
  { name: 'Solano Injectables LLC', code: '03484', kinds: ['sterile'], lotStyles: ['batch-dash'] },
  { name: 'Meridian Sterile Products', code: '03611', kinds: ['sterile'], lotStyles: ['alpha'] },
  { name: 'Tidewater Pharma Services', code: '04141', kinds: ['sterile'], lotStyles: ['numeric', 'slash'] },
  { name: 'Summit Unit Dose Co.', code: '04799', kinds: ['oral', 'sterile'], lotStyles: ['year-month'] },
  { name: 'Kestrel Biologics', code: '04839', kinds: ['biologic'], lotStyles: ['vaccine'] },
  { name: 'Orion Vaccines & Biologics', code: '04898', kinds: ['biologic'], lotStyles: ['vaccine', 'alpha'] },
  { name: 'Redwood Therapeutics', code: '05249', kinds: ['biologic', 'sterile'], lotStyles: ['batch-dash'] },
  { name: 'Copperline Pharma Inc.', code: '05414', kinds: ['oral'], lotStyles: ['slash'] },
];
