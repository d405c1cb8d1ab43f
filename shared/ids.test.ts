import { parse, v5 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { lotIdFor, newId, uuidV5 } from './ids';

describe('name-based ids (UUIDv5)', () => {
  it('matches the RFC 9562 Appendix A.4 example: "www.example.com" in the DNS namespace', () => {
    expect(uuidV5(parse('6ba7b810-9dad-11d1-80b4-00c04fd430c8'), 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('agrees with the uuid package for ASCII, non-ASCII, astral and empty names', () => {
    const namespace = parse(newId());
    for (const name of ['lot:x:00392/174', 'lot:x:Ünïcødé-7/B', 'location:["Lager","Kühl","😀"]', '', 'x'.repeat(1000)]) {
      expect(uuidV5(namespace, name), name).toBe(v5(name, namespace));
    }
  });

  it('gives a lot the same id on every terminal, and different lots different ids', () => {
    const company = newId();
    const product = newId();
    expect(lotIdFor(company, product, '0012/A')).toBe(lotIdFor(company, product, '0012/A'));
    expect(lotIdFor(company, product, '0012/A')).not.toBe(lotIdFor(company, product, '12/A'));
    expect(lotIdFor(company, product, '0012/A')).not.toBe(lotIdFor(newId(), product, '0012/A'));
  });
});
