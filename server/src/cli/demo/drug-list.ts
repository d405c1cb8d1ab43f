/**
 * Real generic drugs with strengths and dosage forms as they are marketed in the US (dosage form
 * names follow FDA SPL terms). The demo builds its catalogue from these; the NDCs, labelers and
 * lots it pairs them with are made up (see demo-labelers.ts).
 */
export type Packaging = 'solid' | 'liquid' | 'vial' | 'powder' | 'ampule' | 'bag' | 'syringe' | 'pen' | 'inhaler' | 'tube' | 'dropper' | 'patch';

export type Schedule = 'CII' | 'CIII' | 'CIV' | 'CV';

export interface Drug {
  generic: string;
  /** FDA SPL dosage form, e.g. "Tablet, film coated". */
  form: string;
  packaging: Packaging;
  category: string;
  strengths: readonly string[];
  /** Stored at 2–8 °C (USP <659> "refrigerator"). */
  coldChain: boolean;
  schedule: Schedule | null;
  /** Typical shelf life from manufacture, in months. */
  shelfLifeMonths: number;
}

type Extra = { cold?: true; schedule?: Schedule; months?: number };

const DEFAULT_MONTHS: Record<Packaging, number> = {
  solid: 36, liquid: 24, vial: 24, powder: 36, ampule: 36, bag: 24, syringe: 24, pen: 24, inhaler: 24, tube: 24, dropper: 24, patch: 24,
};

function drug(generic: string, form: string, packaging: Packaging, category: string, strengths: string[], extra: Extra = {}): Drug {
  return {
    generic,
    form,
    packaging,
    category,
    strengths,
    coldChain: extra.cold === true,
    schedule: extra.schedule ?? null,
    shelfLifeMonths: extra.months ?? DEFAULT_MONTHS[packaging],
  };
}

const CV = 'Cardiovascular';
const EN = 'Endocrine & metabolic';
const AI = 'Anti-infective';
const AN = 'Analgesic';
const CN = 'Central nervous system';
const RE = 'Respiratory';
const GI = 'Gastrointestinal';
const ON = 'Oncology';
const CC = 'Anesthesia & critical care';
const VA = 'Vaccine';
const IM = 'Immunology';
const HE = 'Hematology';
const DE = 'Dermatology';
const OP = 'Ophthalmic';
const RN = 'Renal & electrolytes';
const UR = 'Urology & women’s health';
const TAB = 'Tablet';
const FCT = 'Tablet, film coated';
const ERT = 'Tablet, extended release';
const CAP = 'Capsule';
const INJ = 'Injection, solution';
const LYO = 'Injection, powder, lyophilized, for solution';

export const DRUGS: readonly Drug[] = [
  drug('atorvastatin calcium', FCT, 'solid', CV, ['10 mg', '20 mg', '40 mg', '80 mg'], { months: 48 }),
  drug('rosuvastatin calcium', FCT, 'solid', CV, ['5 mg', '10 mg', '20 mg', '40 mg']),
  drug('simvastatin', FCT, 'solid', CV, ['10 mg', '20 mg', '40 mg']),
  drug('lisinopril', TAB, 'solid', CV, ['2.5 mg', '5 mg', '10 mg', '20 mg', '40 mg'], { months: 48 }),
  drug('losartan potassium', FCT, 'solid', CV, ['25 mg', '50 mg', '100 mg']),
  drug('valsartan', TAB, 'solid', CV, ['40 mg', '80 mg', '160 mg', '320 mg']),
  drug('amlodipine besylate', TAB, 'solid', CV, ['2.5 mg', '5 mg', '10 mg'], { months: 48 }),
  drug('metoprolol succinate', ERT, 'solid', CV, ['25 mg', '50 mg', '100 mg', '200 mg']),
  drug('metoprolol tartrate', TAB, 'solid', CV, ['25 mg', '50 mg', '100 mg']),
  drug('carvedilol', FCT, 'solid', CV, ['3.125 mg', '6.25 mg', '12.5 mg', '25 mg']),
  drug('hydrochlorothiazide', TAB, 'solid', CV, ['12.5 mg', '25 mg', '50 mg']),
  drug('furosemide', TAB, 'solid', CV, ['20 mg', '40 mg', '80 mg'], { months: 60 }),
  drug('spironolactone', FCT, 'solid', CV, ['25 mg', '50 mg', '100 mg']),
  drug('clopidogrel bisulfate', FCT, 'solid', CV, ['75 mg']),
  drug('apixaban', FCT, 'solid', CV, ['2.5 mg', '5 mg']),
  drug('warfarin sodium', TAB, 'solid', CV, ['1 mg', '2 mg', '5 mg', '10 mg']),
  drug('digoxin', TAB, 'solid', CV, ['0.125 mg', '0.25 mg']),
  drug('amiodarone hydrochloride', TAB, 'solid', CV, ['100 mg', '200 mg', '400 mg']),
  drug('diltiazem hydrochloride', 'Capsule, extended release', 'solid', CV, ['120 mg', '180 mg', '240 mg']),
  drug('nitroglycerin', 'Tablet, sublingual', 'solid', CV, ['0.3 mg', '0.4 mg', '0.6 mg'], { months: 24 }),
  drug('heparin sodium', INJ, 'vial', HE, ['1,000 USP units/mL', '5,000 USP units/mL', '10,000 USP units/mL']),
  drug('enoxaparin sodium', INJ, 'syringe', HE, ['30 mg/0.3 mL', '40 mg/0.4 mL', '80 mg/0.8 mL', '120 mg/0.8 mL']),
  drug('epoetin alfa', INJ, 'vial', HE, ['2,000 units/mL', '4,000 units/mL', '10,000 units/mL'], { cold: true }),
  drug('filgrastim', INJ, 'syringe', HE, ['300 mcg/0.5 mL', '480 mcg/0.8 mL'], { cold: true }),
  drug('pegfilgrastim', INJ, 'syringe', HE, ['6 mg/0.6 mL'], { cold: true }),
  drug('tranexamic acid', INJ, 'vial', HE, ['1,000 mg/10 mL']),
  drug('metformin hydrochloride', FCT, 'solid', EN, ['500 mg', '850 mg', '1,000 mg']),
  drug('metformin hydrochloride', ERT, 'solid', EN, ['500 mg', '750 mg']),
  drug('glipizide', TAB, 'solid', EN, ['5 mg', '10 mg']),
  drug('sitagliptin', FCT, 'solid', EN, ['25 mg', '50 mg', '100 mg']),
  drug('levothyroxine sodium', TAB, 'solid', EN, ['25 mcg', '50 mcg', '75 mcg', '88 mcg', '100 mcg', '112 mcg', '125 mcg'], { months: 24 }),
  drug('insulin glargine', INJ, 'pen', EN, ['100 units/mL'], { cold: true }),
  drug('insulin lispro', INJ, 'pen', EN, ['100 units/mL'], { cold: true }),
  drug('insulin aspart', INJ, 'vial', EN, ['100 units/mL'], { cold: true, months: 30 }),
  drug('insulin human regular', INJ, 'vial', EN, ['100 units/mL'], { cold: true, months: 30 }),
  drug('insulin isophane human (NPH)', 'Injection, suspension', 'vial', EN, ['100 units/mL'], { cold: true, months: 30 }),
  drug('liraglutide', INJ, 'pen', EN, ['18 mg/3 mL'], { cold: true, months: 30 }),
  drug('octreotide acetate', INJ, 'vial', EN, ['50 mcg/mL', '100 mcg/mL', '500 mcg/mL'], { cold: true }),
  drug('glucagon', 'Injection, powder, for solution', 'powder', EN, ['1 mg']),
  drug('prednisone', TAB, 'solid', EN, ['5 mg', '10 mg', '20 mg', '50 mg'], { months: 60 }),
  drug('methylprednisolone sodium succinate', LYO, 'powder', EN, ['40 mg', '125 mg', '1 g']),
  drug('dexamethasone sodium phosphate', INJ, 'vial', EN, ['4 mg/mL', '10 mg/mL']),
  drug('testosterone cypionate', 'Injection, solution (in oil)', 'vial', EN, ['100 mg/mL', '200 mg/mL'], { schedule: 'CIII', months: 48 }),
  drug('amoxicillin', CAP, 'solid', AI, ['250 mg', '500 mg']),
  drug('amoxicillin', 'Powder, for suspension', 'liquid', AI, ['250 mg/5 mL', '400 mg/5 mL'], { months: 24 }),
  drug('amoxicillin and clavulanate potassium', FCT, 'solid', AI, ['500 mg/125 mg', '875 mg/125 mg'], { months: 24 }),
  drug('azithromycin', FCT, 'solid', AI, ['250 mg', '500 mg']),
  drug('cephalexin', CAP, 'solid', AI, ['250 mg', '500 mg']),
  drug('ceftriaxone sodium', 'Injection, powder, for solution', 'powder', AI, ['250 mg', '500 mg', '1 g', '2 g']),
  drug('cefazolin sodium', 'Injection, powder, for solution', 'powder', AI, ['1 g', '2 g']),
  drug('ciprofloxacin hydrochloride', FCT, 'solid', AI, ['250 mg', '500 mg', '750 mg']),
  drug('levofloxacin', FCT, 'solid', AI, ['250 mg', '500 mg', '750 mg']),
  drug('doxycycline hyclate', CAP, 'solid', AI, ['50 mg', '100 mg']),
  drug('sulfamethoxazole and trimethoprim', TAB, 'solid', AI, ['400 mg/80 mg', '800 mg/160 mg']),
  drug('nitrofurantoin monohydrate/macrocrystals', CAP, 'solid', AI, ['100 mg']),
  drug('vancomycin hydrochloride', 'Injection, powder, for solution', 'powder', AI, ['500 mg', '1 g', '10 g']),
  drug('piperacillin and tazobactam', 'Injection, powder, for solution', 'powder', AI, ['2.25 g', '3.375 g', '4.5 g']),
  drug('meropenem', 'Injection, powder, for solution', 'powder', AI, ['500 mg', '1 g']),
  drug('gentamicin sulfate', INJ, 'vial', AI, ['40 mg/mL']),
  drug('metronidazole', INJ, 'bag', AI, ['500 mg/100 mL']),
  drug('fluconazole', TAB, 'solid', AI, ['50 mg', '100 mg', '150 mg', '200 mg']),
  drug('amphotericin B liposome', LYO, 'powder', AI, ['50 mg'], { cold: true }),
  drug('acyclovir', TAB, 'solid', AI, ['400 mg', '800 mg']),
  drug('valacyclovir hydrochloride', FCT, 'solid', AI, ['500 mg', '1 g']),
  drug('oseltamivir phosphate', CAP, 'solid', AI, ['30 mg', '45 mg', '75 mg'], { months: 60 }),
  drug('emtricitabine and tenofovir disoproxil fumarate', FCT, 'solid', AI, ['200 mg/300 mg']),
  drug('acetaminophen', TAB, 'solid', AN, ['325 mg', '500 mg'], { months: 48 }),
  drug('acetaminophen', INJ, 'bag', AN, ['1,000 mg/100 mL']),
  drug('ibuprofen', FCT, 'solid', AN, ['400 mg', '600 mg', '800 mg'], { months: 48 }),
  drug('naproxen', TAB, 'solid', AN, ['250 mg', '375 mg', '500 mg']),
  drug('meloxicam', TAB, 'solid', AN, ['7.5 mg', '15 mg']),
  drug('ketorolac tromethamine', INJ, 'vial', AN, ['15 mg/mL', '30 mg/mL']),
  drug('oxycodone hydrochloride', TAB, 'solid', AN, ['5 mg', '10 mg', '15 mg', '30 mg'], { schedule: 'CII' }),
  drug('oxycodone and acetaminophen', TAB, 'solid', AN, ['5 mg/325 mg', '10 mg/325 mg'], { schedule: 'CII' }),
  drug('hydrocodone bitartrate and acetaminophen', TAB, 'solid', AN, ['5 mg/325 mg', '7.5 mg/325 mg', '10 mg/325 mg'], { schedule: 'CII' }),
  drug('morphine sulfate', ERT, 'solid', AN, ['15 mg', '30 mg', '60 mg'], { schedule: 'CII' }),
  drug('morphine sulfate', INJ, 'vial', AN, ['2 mg/mL', '4 mg/mL', '10 mg/mL'], { schedule: 'CII' }),
  drug('hydromorphone hydrochloride', INJ, 'ampule', AN, ['1 mg/mL', '2 mg/mL'], { schedule: 'CII' }),
  drug('fentanyl citrate', INJ, 'ampule', CC, ['50 mcg/mL'], { schedule: 'CII' }),
  drug('fentanyl', 'Patch, extended release', 'patch', AN, ['12 mcg/h', '25 mcg/h', '50 mcg/h', '75 mcg/h', '100 mcg/h'], { schedule: 'CII' }),
  drug('methadone hydrochloride', TAB, 'solid', AN, ['5 mg', '10 mg'], { schedule: 'CII' }),
  drug('tramadol hydrochloride', TAB, 'solid', AN, ['50 mg'], { schedule: 'CIV' }),
  drug('acetaminophen and codeine phosphate', TAB, 'solid', AN, ['300 mg/30 mg', '300 mg/60 mg'], { schedule: 'CIII' }),
  drug('buprenorphine and naloxone', 'Tablet, sublingual', 'solid', AN, ['2 mg/0.5 mg', '8 mg/2 mg'], { schedule: 'CIII' }),
  drug('naloxone hydrochloride', INJ, 'syringe', CC, ['0.4 mg/mL', '2 mg/2 mL']),
  drug('gabapentin', CAP, 'solid', CN, ['100 mg', '300 mg', '400 mg']),
  drug('pregabalin', CAP, 'solid', CN, ['25 mg', '75 mg', '150 mg'], { schedule: 'CV' }),
  drug('lacosamide', FCT, 'solid', CN, ['50 mg', '100 mg', '200 mg'], { schedule: 'CV' }),
  drug('levetiracetam', FCT, 'solid', CN, ['250 mg', '500 mg', '750 mg', '1,000 mg']),
  drug('levetiracetam', INJ, 'vial', CN, ['500 mg/5 mL']),
  drug('lamotrigine', TAB, 'solid', CN, ['25 mg', '100 mg', '200 mg']),
  drug('sertraline hydrochloride', FCT, 'solid', CN, ['25 mg', '50 mg', '100 mg']),
  drug('escitalopram oxalate', FCT, 'solid', CN, ['5 mg', '10 mg', '20 mg']),
  drug('fluoxetine hydrochloride', CAP, 'solid', CN, ['10 mg', '20 mg', '40 mg']),
  drug('bupropion hydrochloride', ERT, 'solid', CN, ['150 mg', '300 mg']),
  drug('trazodone hydrochloride', TAB, 'solid', CN, ['50 mg', '100 mg', '150 mg']),
  drug('quetiapine fumarate', FCT, 'solid', CN, ['25 mg', '50 mg', '100 mg', '200 mg']),
  drug('aripiprazole', TAB, 'solid', CN, ['2 mg', '5 mg', '10 mg', '15 mg']),
  drug('haloperidol decanoate', 'Injection, solution (in oil)', 'vial', CN, ['50 mg/mL', '100 mg/mL']),
  drug('alprazolam', TAB, 'solid', CN, ['0.25 mg', '0.5 mg', '1 mg'], { schedule: 'CIV' }),
  drug('clonazepam', TAB, 'solid', CN, ['0.5 mg', '1 mg', '2 mg'], { schedule: 'CIV' }),
  drug('lorazepam', TAB, 'solid', CN, ['0.5 mg', '1 mg', '2 mg'], { schedule: 'CIV' }),
  drug('lorazepam', INJ, 'vial', CC, ['2 mg/mL', '4 mg/mL'], { schedule: 'CIV', cold: true }),
  drug('diazepam', TAB, 'solid', CN, ['2 mg', '5 mg', '10 mg'], { schedule: 'CIV', months: 60 }),
  drug('zolpidem tartrate', FCT, 'solid', CN, ['5 mg', '10 mg'], { schedule: 'CIV' }),
  drug('modafinil', TAB, 'solid', CN, ['100 mg', '200 mg'], { schedule: 'CIV' }),
  drug('methylphenidate hydrochloride', ERT, 'solid', CN, ['18 mg', '27 mg', '36 mg', '54 mg'], { schedule: 'CII', months: 24 }),
  drug('dextroamphetamine saccharate, amphetamine aspartate, dextroamphetamine sulfate and amphetamine sulfate', TAB, 'solid', CN, ['10 mg', '20 mg', '30 mg'], { schedule: 'CII' }),
  drug('donepezil hydrochloride', FCT, 'solid', CN, ['5 mg', '10 mg']),
  drug('sumatriptan succinate', FCT, 'solid', CN, ['25 mg', '50 mg', '100 mg']),
  drug('albuterol sulfate', 'Aerosol, metered', 'inhaler', RE, ['90 mcg/actuation']),
  drug('albuterol sulfate', 'Solution', 'ampule', RE, ['2.5 mg/3 mL (0.083%)']),
  drug('fluticasone propionate and salmeterol', 'Powder, metered', 'inhaler', RE, ['100 mcg/50 mcg', '250 mcg/50 mcg', '500 mcg/50 mcg']),
  drug('budesonide', 'Suspension', 'ampule', RE, ['0.25 mg/2 mL', '0.5 mg/2 mL']),
  drug('ipratropium bromide and albuterol sulfate', 'Solution', 'ampule', RE, ['0.5 mg/2.5 mg per 3 mL']),
  drug('montelukast sodium', FCT, 'solid', RE, ['10 mg']),
  drug('benzonatate', 'Capsule, liquid filled', 'solid', RE, ['100 mg', '200 mg']),
  drug('guaifenesin and codeine phosphate', 'Liquid', 'liquid', RE, ['100 mg/10 mg per 5 mL'], { schedule: 'CV' }),
  drug('omeprazole', 'Capsule, delayed release', 'solid', GI, ['20 mg', '40 mg']),
  drug('pantoprazole sodium', 'Tablet, delayed release', 'solid', GI, ['20 mg', '40 mg']),
  drug('pantoprazole sodium', 'Injection, powder, for solution', 'powder', GI, ['40 mg']),
  drug('famotidine', INJ, 'vial', GI, ['20 mg/2 mL', '200 mg/20 mL'], { cold: true }),
  drug('ondansetron hydrochloride', INJ, 'vial', GI, ['4 mg/2 mL', '40 mg/20 mL']),
  drug('ondansetron', 'Tablet, orally disintegrating', 'solid', GI, ['4 mg', '8 mg']),
  drug('metoclopramide hydrochloride', TAB, 'solid', GI, ['5 mg', '10 mg']),
  drug('diphenoxylate hydrochloride and atropine sulfate', TAB, 'solid', GI, ['2.5 mg/0.025 mg'], { schedule: 'CV' }),
  drug('lactulose', 'Solution', 'liquid', GI, ['10 g/15 mL']),
  drug('methotrexate sodium', INJ, 'vial', ON, ['25 mg/mL']),
  drug('carboplatin', INJ, 'vial', ON, ['50 mg/5 mL', '150 mg/15 mL', '450 mg/45 mL']),
  drug('cisplatin', INJ, 'vial', ON, ['50 mg/50 mL', '100 mg/100 mL']),
  drug('paclitaxel', INJ, 'vial', ON, ['30 mg/5 mL', '100 mg/16.7 mL', '300 mg/50 mL']),
  drug('oxaliplatin', INJ, 'vial', ON, ['50 mg/10 mL', '100 mg/20 mL']),
  drug('gemcitabine hydrochloride', 'Injection, powder, for solution', 'powder', ON, ['200 mg', '1 g']),
  drug('docetaxel', INJ, 'vial', ON, ['20 mg/mL', '80 mg/4 mL', '160 mg/8 mL']),
  drug('bortezomib', LYO, 'powder', ON, ['3.5 mg']),
  drug('rituximab', INJ, 'vial', ON, ['100 mg/10 mL', '500 mg/50 mL'], { cold: true, months: 30 }),
  drug('trastuzumab', LYO, 'powder', ON, ['150 mg', '420 mg'], { cold: true, months: 48 }),
  drug('bevacizumab', INJ, 'vial', ON, ['100 mg/4 mL', '400 mg/16 mL'], { cold: true }),
  drug('letrozole', FCT, 'solid', ON, ['2.5 mg']),
  drug('anastrozole', TAB, 'solid', ON, ['1 mg']),
  drug('tamoxifen citrate', TAB, 'solid', ON, ['10 mg', '20 mg']),
  drug('adalimumab', INJ, 'pen', IM, ['40 mg/0.4 mL', '40 mg/0.8 mL'], { cold: true }),
  drug('etanercept', INJ, 'syringe', IM, ['25 mg/0.5 mL', '50 mg/mL'], { cold: true }),
  drug('infliximab', LYO, 'powder', IM, ['100 mg'], { cold: true, months: 36 }),
  drug('tacrolimus', CAP, 'solid', IM, ['0.5 mg', '1 mg', '5 mg']),
  drug('mycophenolate mofetil', FCT, 'solid', IM, ['500 mg']),
  drug('hydroxychloroquine sulfate', FCT, 'solid', IM, ['200 mg']),
  drug('propofol', 'Injection, emulsion', 'vial', CC, ['10 mg/mL (20 mL)', '10 mg/mL (50 mL)', '10 mg/mL (100 mL)']),
  drug('midazolam hydrochloride', INJ, 'vial', CC, ['1 mg/mL', '5 mg/mL'], { schedule: 'CIV' }),
  drug('ketamine hydrochloride', INJ, 'vial', CC, ['50 mg/mL', '100 mg/mL'], { schedule: 'CIII' }),
  drug('lidocaine hydrochloride', INJ, 'vial', CC, ['1% (10 mg/mL)', '2% (20 mg/mL)']),
  drug('bupivacaine hydrochloride', INJ, 'vial', CC, ['0.25%', '0.5%']),
  drug('rocuronium bromide', INJ, 'vial', CC, ['50 mg/5 mL', '100 mg/10 mL'], { cold: true }),
  drug('succinylcholine chloride', INJ, 'vial', CC, ['20 mg/mL'], { cold: true }),
  drug('cisatracurium besylate', INJ, 'vial', CC, ['2 mg/mL', '10 mg/mL'], { cold: true }),
  drug('dexmedetomidine hydrochloride', INJ, 'vial', CC, ['200 mcg/2 mL']),
  drug('norepinephrine bitartrate', INJ, 'ampule', CC, ['4 mg/4 mL']),
  drug('epinephrine', INJ, 'syringe', CC, ['0.1 mg/mL', '1 mg/mL'], { months: 18 }),
  drug('sodium chloride', INJ, 'bag', RN, ['0.9% (100 mL)', '0.9% (250 mL)', '0.9% (1,000 mL)']),
  drug('dextrose', INJ, 'bag', RN, ['5% (250 mL)', '5% (1,000 mL)']),
  drug('lactated Ringer’s', INJ, 'bag', RN, ['1,000 mL']),
  drug('potassium chloride', 'Tablet, extended release', 'solid', RN, ['10 mEq', '20 mEq']),
  drug('potassium chloride', INJ, 'vial', RN, ['2 mEq/mL']),
  drug('sodium bicarbonate', INJ, 'syringe', RN, ['8.4% (50 mEq/50 mL)']),
  drug('magnesium sulfate', INJ, 'vial', RN, ['50% (500 mg/mL)']),
  drug('calcium gluconate', INJ, 'vial', RN, ['10% (100 mg/mL)']),
  drug('tamsulosin hydrochloride', CAP, 'solid', UR, ['0.4 mg']),
  drug('finasteride', FCT, 'solid', UR, ['1 mg', '5 mg']),
  drug('oxybutynin chloride', ERT, 'solid', UR, ['5 mg', '10 mg']),
  drug('oxytocin', INJ, 'vial', UR, ['10 USP units/mL'], { cold: true }),
  drug('medroxyprogesterone acetate', 'Injection, suspension', 'syringe', UR, ['150 mg/mL'], { months: 60 }),
  drug('estradiol', TAB, 'solid', UR, ['0.5 mg', '1 mg', '2 mg']),
  drug('norethindrone', TAB, 'solid', UR, ['0.35 mg']),
  drug('carboprost tromethamine', INJ, 'ampule', UR, ['250 mcg/mL'], { cold: true }),
  drug('hepatitis B vaccine (recombinant)', 'Injection, suspension', 'syringe', VA, ['10 mcg/0.5 mL', '20 mcg/mL'], { cold: true }),
  drug('influenza vaccine, quadrivalent', 'Injection, suspension', 'syringe', VA, ['0.5 mL dose'], { cold: true, months: 12 }),
  drug('tetanus and diphtheria toxoids, adsorbed (Td)', 'Injection, suspension', 'vial', VA, ['0.5 mL dose'], { cold: true }),
  drug('pneumococcal 20-valent conjugate vaccine', 'Injection, suspension', 'syringe', VA, ['0.5 mL dose'], { cold: true }),
  drug('zoster vaccine recombinant, adjuvanted', 'Kit (lyophilized antigen and adjuvant suspension)', 'vial', VA, ['50 mcg/0.5 mL'], { cold: true }),
  drug('tuberculin purified protein derivative (Mantoux)', INJ, 'vial', VA, ['5 TU/0.1 mL'], { cold: true }),
  drug('rabies immune globulin (human)', INJ, 'vial', VA, ['300 IU/mL'], { cold: true }),
  drug('triamcinolone acetonide', 'Cream', 'tube', DE, ['0.025%', '0.1%', '0.5%'], { months: 36 }),
  drug('hydrocortisone', 'Cream', 'tube', DE, ['1%', '2.5%']),
  drug('mupirocin', 'Ointment', 'tube', DE, ['2%']),
  drug('clobetasol propionate', 'Ointment', 'tube', DE, ['0.05%']),
  drug('silver sulfadiazine', 'Cream', 'tube', DE, ['1%']),
  drug('latanoprost', 'Solution/ drops', 'dropper', OP, ['0.005% (50 mcg/mL)'], { cold: true }),
  drug('timolol maleate', 'Solution/ drops', 'dropper', OP, ['0.25%', '0.5%']),
  drug('prednisolone acetate', 'Suspension/ drops', 'dropper', OP, ['1%']),
  drug('moxifloxacin hydrochloride', 'Solution/ drops', 'dropper', OP, ['0.5%']),
  drug('brimonidine tartrate', 'Solution/ drops', 'dropper', OP, ['0.1%', '0.15%', '0.2%']),
];
