/**
 * The screens and their addresses. Routing lives in the URL fragment (`#/receive`,
 * `#/lot/<id>`), so a reload keeps the screen, Back works, and no router dependency is needed.
 * A fragment that is not a route (the skip link's `#main`, the shell token) is ignored.
 */
export const SCREENS = ['stock', 'receive', 'pick', 'transfer', 'adjust', 'count', 'quarantine', 'products', 'locations', 'import', 'qa', 'account', 'team', 'security'] as const;
export type ScreenId = (typeof SCREENS)[number];

/** Optional preselection handed to a screen, e.g. from Lot detail's actions or the receive screen. */
export interface RouteParams {
  lot?: string;
  location?: string;
  ndc?: string;
  gtin?: string;
  /** The open spreadsheet import (`#/import?import=<id>`); it lives in the desktop core's memory. */
  import?: string;
}

/** The QA document types a new record can be (shared/qa/content.ts DOCUMENT_TYPES). */
export const QA_NEW_TYPES = ['coa', 'gdp', 'gmp'] as const;
export type QaNewType = (typeof QA_NEW_TYPES)[number];

/**
 * QA documents (issue 5) live under `#/qa`: the list, `#/qa/keys` (the signing key),
 * `#/qa/new/coa` (a new draft), `#/qa/doc/<id>` (a record) and `#/qa/doc/<id>/edit` (its draft).
 */
export type QaRoute =
  | { screen: 'qa-keys'; params: RouteParams }
  | { screen: 'qa-new'; docType: QaNewType; params: RouteParams }
  | { screen: 'qa-doc'; documentId: string; params: RouteParams }
  | { screen: 'qa-edit'; documentId: string; params: RouteParams };

export type Route = { screen: ScreenId; params: RouteParams } | { screen: 'lot'; lotId: string; params: RouteParams } | QaRoute;

const PARAM_KEYS = ['lot', 'location', 'ndc', 'gtin', 'import'] as const;

export const DEFAULT_ROUTE: Route = { screen: 'stock', params: {} };

export function parseRoute(hash: string): Route | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!fragment.startsWith('/')) return null;
  const [path = '', query = ''] = fragment.slice(1).split('?', 2);
  const params = parseParams(query);
  const segments = path.split('/').filter(Boolean);
  if (segments.length === 0) return DEFAULT_ROUTE;
  const [head, second] = segments;
  if (head === 'lot' && second && segments.length === 2) return { screen: 'lot', lotId: safeDecode(second) ?? '', params };
  if (head === 'qa' && segments.length > 1) return parseQaRoute(segments.slice(1), params);
  if (segments.length === 1 && isScreen(head)) return { screen: head, params };
  return null;
}

function parseQaRoute(rest: string[], params: RouteParams): Route | null {
  const [a, b, c] = rest;
  if (a === 'keys' && rest.length === 1) return { screen: 'qa-keys', params };
  if (a === 'new' && rest.length === 2 && (QA_NEW_TYPES as readonly string[]).includes(b ?? '')) return { screen: 'qa-new', docType: b as QaNewType, params };
  const documentId = b ? safeDecode(b) : null;
  if (a === 'doc' && documentId && rest.length === 2) return { screen: 'qa-doc', documentId, params };
  if (a === 'doc' && documentId && rest.length === 3 && c === 'edit') return { screen: 'qa-edit', documentId, params };
  return null;
}

function routePath(route: Route): string {
  switch (route.screen) {
    case 'lot':
      return `/lot/${encodeURIComponent(route.lotId)}`;
    case 'qa-keys':
      return '/qa/keys';
    case 'qa-new':
      return `/qa/new/${route.docType}`;
    case 'qa-doc':
      return `/qa/doc/${encodeURIComponent(route.documentId)}`;
    case 'qa-edit':
      return `/qa/doc/${encodeURIComponent(route.documentId)}/edit`;
    default:
      return `/${route.screen}`;
  }
}

export function formatRoute(route: Route): string {
  const path = routePath(route);
  const query = PARAM_KEYS.flatMap((key) => {
    const value = route.params[key];
    return value ? [`${key}=${encodeURIComponent(value)}`] : [];
  }).join('&');
  return `#${path}${query ? `?${query}` : ''}`;
}

export function screenHref(screen: ScreenId, params: RouteParams = {}): string {
  return formatRoute({ screen, params });
}

export function lotHref(lotId: string): string {
  return formatRoute({ screen: 'lot', lotId, params: {} });
}

export function qaDocHref(documentId: string): string {
  return formatRoute({ screen: 'qa-doc', documentId, params: {} });
}

export function qaEditHref(documentId: string): string {
  return formatRoute({ screen: 'qa-edit', documentId, params: {} });
}

export function qaNewHref(docType: QaNewType): string {
  return formatRoute({ screen: 'qa-new', docType, params: {} });
}

export const QA_KEYS_HREF = '#/qa/keys';

/** The navigation entry a route belongs to: lot detail to Stock, every QA page to QA documents. */
export function navScreenOf(route: Route): ScreenId {
  if (route.screen === 'lot') return 'stock';
  if (route.screen.startsWith('qa-')) return 'qa';
  return route.screen as ScreenId;
}

function isScreen(value: string | undefined): value is ScreenId {
  return (SCREENS as readonly string[]).includes(value ?? '');
}

function parseParams(query: string): RouteParams {
  const params: RouteParams = {};
  for (const part of query.split('&')) {
    const [key, raw = ''] = part.split('=', 2);
    const value = safeDecode(raw);
    if (value && (PARAM_KEYS as readonly string[]).includes(key ?? '')) params[key as (typeof PARAM_KEYS)[number]] = value;
  }
  return params;
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
