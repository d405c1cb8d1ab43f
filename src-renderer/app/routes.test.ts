import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTE, formatRoute, navScreenOf, parseRoute } from './routes';

describe('parseRoute', () => {
  it('reads screens, lot detail and preselection', () => {
    expect(parseRoute('#/receive')).toEqual({ screen: 'receive', params: {} });
    expect(parseRoute('#/lot/abc-1')).toEqual({ screen: 'lot', lotId: 'abc-1', params: {} });
    expect(parseRoute('#/count?lot=l1&location=x%2Fy')).toEqual({ screen: 'count', params: { lot: 'l1', location: 'x/y' } });
    expect(parseRoute('#/')).toEqual(DEFAULT_ROUTE);
    expect(parseRoute('#/import?import=0191a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5b')).toEqual({ screen: 'import', params: { import: '0191a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5b' } });
  });

  it('ignores fragments that are not routes and unknown parameters', () => {
    expect(parseRoute('#main')).toBeNull();
    expect(parseRoute('')).toBeNull();
    expect(parseRoute('#/nope')).toBeNull();
    expect(parseRoute('#/pick?evil=1&lot=%E0%A4%A')).toEqual({ screen: 'pick', params: {} });
  });
});

describe('QA routes', () => {
  it('reads the list, the key screen, a new draft, a record and its editor', () => {
    expect(parseRoute('#/qa')).toEqual({ screen: 'qa', params: {} });
    expect(parseRoute('#/qa/keys')).toEqual({ screen: 'qa-keys', params: {} });
    expect(parseRoute('#/qa/new/coa')).toEqual({ screen: 'qa-new', docType: 'coa', params: {} });
    expect(parseRoute('#/qa/doc/d-1')).toEqual({ screen: 'qa-doc', documentId: 'd-1', params: {} });
    expect(parseRoute('#/qa/doc/d-1/edit')).toEqual({ screen: 'qa-edit', documentId: 'd-1', params: {} });
    expect(parseRoute('#/qa/new/memo')).toBeNull();
    expect(parseRoute('#/qa/doc')).toBeNull();
  });

  it('round-trips and belongs to the QA documents entry', () => {
    const routes = [
      { screen: 'qa-keys' as const, params: {} },
      { screen: 'qa-new' as const, docType: 'gmp' as const, params: {} },
      { screen: 'qa-doc' as const, documentId: 'a/b', params: {} },
      { screen: 'qa-edit' as const, documentId: 'x', params: {} },
    ];
    for (const route of routes) {
      expect(parseRoute(formatRoute(route))).toEqual(route);
      expect(navScreenOf(route)).toBe('qa');
    }
    expect(navScreenOf({ screen: 'lot', lotId: 'l', params: {} })).toBe('stock');
  });
});

describe('formatRoute', () => {
  it('round-trips', () => {
    const routes = [DEFAULT_ROUTE, { screen: 'lot' as const, lotId: 'a b', params: {} }, { screen: 'products' as const, params: { ndc: '67457-153-03', gtin: '00367457153032' } }];
    for (const route of routes) expect(parseRoute(formatRoute(route))).toEqual(route);
  });
});
