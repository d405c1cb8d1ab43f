import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNdc, formatNdc10, hyphenateNdc11 } from './format-ndc';
import { NDC_CONFIGURATIONS, segmentLengths, type NdcConfiguration } from './ndc-configuration';
import { parseNdc } from './parse-ndc';

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));

/** A random NDC as it would be written in `configuration`; 6-4-2 labelers from before 2033 start with 0. */
function writtenNdc(configuration: NdcConfiguration) {
  const [a, b, c] = segmentLengths(configuration);
  const labeler = configuration === '6-4-2' ? digits(5).map((d) => `0${d}`) : digits(a);
  return fc.tuple(labeler, digits(b), digits(c)).map((s) => s.join('-'));
}

describe('formatNdc', () => {
  it('writes an 11-digit NDC in each layout', () => {
    expect(formatNdc10('00024059010', '4-4-2')).toEqual({ ok: true, value: '0024-0590-10' });
    expect(formatNdc10('10631010608', '5-3-2')).toEqual({ ok: true, value: '10631-106-08' });
    expect(formatNdc10('00591036901', '5-4-1')).toEqual({ ok: true, value: '00591-0369-1' });
    expect(formatNdc('00591036901', '5-4-2')).toEqual({ ok: true, value: '00591-0369-01' });
    expect(formatNdc('00591036901', '6-4-2')).toEqual({ ok: true, value: '000591-0369-01' });
    expect(hyphenateNdc11('00071015523')).toBe('00071-0155-23');
  });

  it('says when a code has no form in a layout', () => {
    const r = formatNdc10('12345678901', '4-4-2');
    expect(r).toMatchObject({ ok: false, error: { code: 'ndc/invalid' } });
    expect(!r.ok && r.error.message).toBe(
      'NDC 12345-6789-01 has no 4-4-2 form: its labeler segment "12345" would have to lose a non-zero digit to become 4 digits (it is 5).',
    );
    expect(formatNdc10('12345678912', '5-4-1')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/package segment "12"/) } });
    expect(formatNdc('1234567890', '5-4-2')).toMatchObject({ ok: false, error: { code: 'ndc/invalid' } });
  });

  it.each(NDC_CONFIGURATIONS)('round-trips: format(parse(x)) = x for random %s codes', (configuration) => {
    fc.assert(
      fc.property(writtenNdc(configuration), (written) => {
        const parsed = parseNdc(written);
        expect(parsed).toMatchObject({ ok: true, value: { configuration } });
        if (parsed.ok) expect(formatNdc(parsed.value.ndc11, configuration)).toEqual({ ok: true, value: written });
      }),
    );
  });

  it.each(NDC_CONFIGURATIONS)('round-trips: parse(format(n)) = n for random 11-digit codes in %s', (configuration) => {
    fc.assert(
      fc.property(digits(11), fc.boolean(), (random, fits) => {
        // Half the time put a 0 where this layout's short segment needs it, so most codes have a form.
        const at = { '4-4-2': 0, '5-3-2': 5, '5-4-1': 9 }[configuration as string];
        const ndc11 = fits && at !== undefined ? `${random.slice(0, at)}0${random.slice(at + 1)}` : random;
        const written = formatNdc(ndc11, configuration);
        if (written.ok) expect(parseNdc(written.value)).toMatchObject({ ok: true, value: { ndc11, configuration } });
        else expect(written.error.code).toBe('ndc/invalid');
      }),
    );
  });
});
