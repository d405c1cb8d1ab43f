import { describe, expect, it } from 'vitest';
import { checkDraft, draftFromContent, emptyDraft, type Draft } from './content-draft';

const coa = (): Draft => ({
  type: 'coa',
  title: 'CoA Amoxicillin lot 0042/A',
  fields: { productName: 'Amoxicillin 500 mg capsules', ndc11: '67457-153-03', lotNumber: '0042/A', manufacturedOn: '2026-01-10', expiry: '2028-01-10', conclusion: '' },
  specification: [{ test: 'Assay', method: 'HPLC', limit: '90.0–110.0 %', result: '99.2 %', pass: 'pass' }],
  lots: [],
});

describe('checkDraft', () => {
  it('turns a valid CoA into content: the NDC as typed becomes the 11-digit code, blanks become null', () => {
    const checked = checkDraft(coa());
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.content).toMatchObject({ ndc11: '67457015303', conclusion: null, specification: [{ test: 'Assay', pass: true }] });
  });

  it('puts each problem beside its field, spec lines by row', () => {
    const d = coa();
    d.title = ' ';
    d.fields['expiry'] = '2025-01-01';
    d.fields['ndc11'] = '12';
    d.specification.push({ test: 'Dissolution', method: '', limit: 'Q ≥ 80 %', result: '92 %', pass: 'pass' });
    const checked = checkDraft(d);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors['title']).toBe('Is required.');
    expect(checked.errors['expiry']).toBe('Must be after the manufacture date.');
    expect(checked.errors['specification.1.method']).toBe('Is required.');
    expect(checked.errors['ndc11']).toMatch(/\.$/);
  });

  it('refuses a CoA with no specification line', () => {
    const d = coa();
    d.specification = [];
    const checked = checkDraft(d);
    expect(checked.ok ? null : checked.errors['specification']).toBe('Add at least one specification line.');
  });

  it('reads GDP numbers and says when a temperature is not a number', () => {
    const d = emptyDraft('gdp');
    Object.assign(d.fields, { title: '', occurredAt: '2026-05-01T08:30', site: 'Dock 2', description: 'Reefer alarm', impactAssessment: 'None', minTemperatureC: '2', maxTemperatureC: 'warm' });
    d.title = 'Excursion dock 2';
    const checked = checkDraft(d);
    expect(checked.ok ? null : checked.errors['maxTemperatureC']).toBe('Must be a number.');
    d.fields['maxTemperatureC'] = '11.5';
    const ok = checkDraft(d);
    expect(ok.ok && ok.content).toMatchObject({ minTemperatureC: 2, maxTemperatureC: 11.5, durationMinutes: null, lots: [] });
  });
});

describe('draftFromContent', () => {
  it('round-trips a CoA', () => {
    const checked = checkDraft(coa());
    if (!checked.ok) throw new Error('invalid');
    const back = draftFromContent('coa', checked.title, checked.content);
    expect(back.fields['ndc11']).toBe('67457-0153-03');
    expect(checkDraft(back)).toEqual(checked);
  });
});
