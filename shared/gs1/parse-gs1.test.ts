import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastDayOfMonth, toIsoDate } from '../inventory/expiry';
import { gs1CheckDigit } from './check-digit';
import { formatElementString, type Gs1Field } from './format-element-string';
import { GS } from './gs-separator';
import { parseGs1 } from './parse-gs1';

const options = { currentYear: 2026 };

// The published example: a US drug DataMatrix (GTIN with NDC 67457-153-03, lot, expiry, serial).
const PUBLISHED = {
  gtin: '00367457153032',
  ndc10: '6745715303',
  expiry: '2021-03-31',
  lot: '1724847.1',
  serial: '118165795226',
  productionDate: null,
};

describe('parseGs1: the published example in every form a scanner or person sends', () => {
  it.each([
    ['element string with GS', `0100367457153032101724847.1${GS}1721033121118165795226`],
    ['DataMatrix ]d2 prefix', `]d20100367457153032101724847.1${GS}1721033121118165795226`],
    ['GS1-128 ]C1 prefix', `]C10100367457153032101724847.1${GS}1721033121118165795226`],
    ['GS1 QR ]Q3 prefix', `]Q30100367457153032101724847.1${GS}1721033121118165795226`],
    ['leading FNC1 as GS and the Enter key', `${GS}0100367457153032101724847.1${GS}1721033121118165795226\r\n`],
    ['human-readable', '(01)00367457153032(17)210331(10)1724847.1(21)118165795226'],
    ['human-readable with ]d2 and spaces', ']d2(01) 00367457153032 (17) 210331 (10) 1724847.1 (21) 118165795226'],
  ])('%s', (_form, scan) => {
    expect(parseGs1(scan, options)).toMatchObject({ ok: true, value: PUBLISHED });
  });

  it('reports the symbology and every element in scan order', () => {
    const r = parseGs1(`]d20100367457153032101724847.1${GS}1721033121118165795226`, options);
    expect(r.ok && r.value.symbology).toBe('GS1 DataMatrix');
    expect(r.ok && r.value.elements).toEqual([
      { ai: '01', title: 'GTIN', value: '00367457153032' },
      { ai: '10', title: 'BATCH/LOT', value: '1724847.1' },
      { ai: '17', title: 'USE BY or EXPIRY', value: '210331' },
      { ai: '21', title: 'SERIAL', value: '118165795226' },
    ]);
  });
});

describe('parseGs1: fields', () => {
  it('reads expiry day 00 as the last day of the month', () => {
    expect(parseGs1('0100367457153032172112001', { currentYear: 2026 })).toMatchObject({ ok: false });
    expect(parseGs1('010036745715303217211200', options)).toMatchObject({ ok: true, value: { expiry: '2021-12-31' } });
    expect(parseGs1('(17)240200', options)).toMatchObject({ ok: true, value: { expiry: '2024-02-29', gtin: null, ndc10: null } });
  });

  it('reads the production date; day 00 as the first of the month', () => {
    expect(parseGs1('(01)00367457153032(11)200715(17)230700', options)).toMatchObject({ ok: true, value: { productionDate: '2020-07-15', expiry: '2023-07-31' } });
    expect(parseGs1('(01)00367457153032(11)200700', options)).toMatchObject({ ok: true, value: { productionDate: '2020-07-01' } });
  });

  it('reads two-digit years against the given current year (GS1 §7.12)', () => {
    expect(parseGs1('17760101', { currentYear: 2026 })).toMatchObject({ ok: true, value: { expiry: '2076-01-01' } });
    expect(parseGs1('17760101', { currentYear: 2020 })).toMatchObject({ ok: true, value: { expiry: '1976-01-01' } });
  });

  it('keeps lots and serials exactly: leading zeros, slashes, case', () => {
    const r = parseGs1(`010036745715303210000123/45-a${GS}21007/B.c`, options);
    expect(r).toMatchObject({ ok: true, value: { lot: '000123/45-a', serial: '007/B.c' } });
    expect(parseGs1('(01)00367457153032(10)0042\\(3)/X', options)).toMatchObject({ ok: true, value: { lot: '0042(3)/X' } });
  });

  it('gives no NDC for a GTIN that is not NDC-based', () => {
    expect(parseGs1('0104006381333931', options)).toMatchObject({ ok: true, value: { gtin: '04006381333931', ndc10: null } });
  });

  it('skips AIs it does not use, by their lengths from the Syntax Dictionary', () => {
    // 3103 net weight (predefined N6, no GS), 422 origin (N3, GS), 240 additional id (X..30, GS), 91 internal.
    const scan = `]d201003674571530323103001250422840${GS}10LOT7${GS}240REF-1${GS}17270531${'91'}COMPANY/DATA${GS}21SN1`;
    const r = parseGs1(scan, options);
    expect(r).toMatchObject({ ok: true, value: { gtin: '00367457153032', lot: 'LOT7', expiry: '2027-05-31', serial: 'SN1' } });
    expect(r.ok && r.value.elements.map((e) => [e.ai, e.value])).toEqual([
      ['01', '00367457153032'],
      ['3103', '001250'],
      ['422', '840'],
      ['10', 'LOT7'],
      ['240', 'REF-1'],
      ['17', '270531'],
      ['91', 'COMPANY/DATA'],
      ['21', 'SN1'],
    ]);
  });
});

describe('parseGs1: clear errors', () => {
  it.each([
    ['010036745715303217211341', 'gs1/invalid-date', 'AI (17) expiry "211341": month 13 does not exist.'],
    ['17210230', 'gs1/invalid-date', 'AI (17) expiry "210230": day 30 does not exist in February 2021.'],
    ['11251301', 'gs1/invalid-date', 'AI (11) production date "251301": month 13 does not exist.'],
    ['0100367457153031', 'gtin/check-digit', 'AI (01) GTIN "00367457153031": check digit is 1, but the other digits give 2 (GS1 General Specifications §7.9.1): mistyped or misread.'],
    ['01003674571530', 'gs1/invalid', 'AI (01) GTIN "003674571530": it has 12 characters, the format N14,csum,gcppos2 allows exactly 14.'],
    ['0100367457153032172103', 'gs1/invalid', 'AI (17) expiry "2103": it has 4 characters, the format N6,yymmd0 allows exactly 6.'],
    ['01003674571530322311', 'gs1/unknown-ai', '"2311" at character 17 does not begin a GS1 Application Identifier (GS1 General Specifications §3.2): the scan may be cut short or mistyped.'],
    ['(01)00367457153032(23)5', 'gs1/unknown-ai', '"(23)" is not a GS1 Application Identifier (GS1 General Specifications §3.2).'],
    ['01003674571530321017248471721033121118165795226', 'gs1/invalid', 'AI (10) lot "17248471721033121118165795226": it has 29 characters, the format X..20 allows 1 to 20 (is the GS separator after it missing?).'],
    ['10LOT 7', 'gs1/invalid', 'AI (10) lot "LOT 7": U+0020 is not allowed, it must be GS1 character set 82 only.'],
    ['10LOT#7', 'gs1/invalid', 'AI (10) lot "LOT#7": "#" is not allowed, it must be GS1 character set 82 only.'],
    ['0100367457153032A', 'gs1/unknown-ai', '"A" at character 17 does not begin a GS1 Application Identifier (GS1 General Specifications §3.2): the scan may be cut short or mistyped.'],
    [`10A${GS}10B`, 'gs1/invalid', 'AI (10) appears twice with different values, "A" and "B".'],
    ['', 'gs1/invalid', 'The scan is empty.'],
    [']d2', 'gs1/invalid', 'The scan has a symbology identifier but no data.'],
    [']E00367457153032', 'gs1/invalid', 'The scan starts with symbology identifier "]E0", which does not carry GS1 Application Identifier data; expected ]C1, ]d2, ]Q3, ]e0, ]J1 or none.'],
    ['01)00367457153032', 'gs1/invalid', 'AI (01) GTIN ")0036745715303": ")" is not allowed, it must be digits only.'],
    ['(01)00367457153032(10)', 'gs1/invalid', 'AI (10) lot "": it has 0 characters, the format X..20 allows 1 to 20.'],
    ['01 00367457153032', 'gs1/invalid', 'AI (01) GTIN " 0036745715303": U+0020 is not allowed, it must be digits only.'],
  ])('%j → %s', (scan, code, message) => {
    expect(parseGs1(scan, options)).toEqual({ ok: false, error: { code, message } });
  });
});

describe('parseGs1: property — random element strings parse back', () => {
  const CSET82 = [...'!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'];
  const text = (max: number) => fc.string({ unit: fc.constantFrom(...CSET82), minLength: 1, maxLength: max });
  const numeric = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
  const gtin = numeric(13).map((body) => `${body}${gs1CheckDigit(body)}`);
  const two = (n: number) => String(n).padStart(2, '0');
  // A YYMMDD within the §7.12 window of 2026, with the ISO date it means (day 00 → last or first day).
  const date = (dayZero: 'last' | 'first') =>
    fc.record({ year: fc.integer({ min: 1977, max: 2076 }), month: fc.integer({ min: 1, max: 12 }), dayPick: fc.nat() }).map(({ year, month, dayPick }) => {
      const last = lastDayOfMonth(year, month);
      const day = dayPick % (last + 1);
      const iso = toIsoDate({ year, month, day: day === 0 ? (dayZero === 'last' ? last : 1) : day });
      return { yymmdd: `${two(year % 100)}${two(month)}${two(day)}`, iso };
    });
  const others = fc.subarray([
    ['3103', numeric(6)],
    ['422', numeric(3)],
    ['240', text(30)],
    ['8005', numeric(6)],
    ['92', text(90)],
  ] as const);

  const scan = fc.record({
    gtin,
    expiry: fc.option(date('last'), { nil: undefined }),
    production: fc.option(date('first'), { nil: undefined }),
    lot: fc.option(text(20), { nil: undefined }),
    serial: fc.option(text(20), { nil: undefined }),
    extra: others.chain((list) => fc.tuple(...list.map(([ai, value]) => value.map((v) => ({ ai, value: v }))))),
    order: fc.nat(),
  });

  it.each(['scanner', 'bracketed'] as const)('in the %s form', (form) => {
    fc.assert(
      fc.property(scan, ({ gtin: g, expiry, production, lot, serial, extra, order }) => {
        const fields: Gs1Field[] = [{ ai: '01', value: g }];
        if (expiry) fields.push({ ai: '17', value: expiry.yymmdd });
        if (production) fields.push({ ai: '11', value: production.yymmdd });
        if (lot !== undefined) fields.push({ ai: '10', value: lot });
        if (serial !== undefined) fields.push({ ai: '21', value: serial });
        fields.push(...extra);
        // Any order: rotate by a random amount.
        const shift = order % fields.length;
        const ordered = [...fields.slice(shift), ...fields.slice(0, shift)];
        const r = parseGs1(formatElementString(ordered, form), options);
        expect(r).toMatchObject({
          ok: true,
          value: { gtin: g, expiry: expiry?.iso ?? null, productionDate: production?.iso ?? null, lot: lot ?? null, serial: serial ?? null },
        });
        expect(r.ok && r.value.elements.map(({ ai, value }) => ({ ai, value }))).toEqual(ordered);
      }),
      { numRuns: 300 },
    );
  });
});
