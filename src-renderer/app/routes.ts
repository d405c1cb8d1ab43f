/**
 * The screens and their addresses. Routing lives in the URL fragment (`#/receive`,
 * `#/lot/<id>`), so a reload keeps the screen, Back works, and no router dependency is needed.
 * A fragment that is not a route (the skip link's `#main`, the shell token) is ignored.
 */
export const SCREENS = ['stock', 'receive', 'pick', 'transfer', 'adjust', 'count', 'quarantine', 'products', 'locations', 'import'] as const;
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

export type Route = { screen: ScreenId; params: RouteParams } | { screen: 'lot'; lotId: string; params: RouteParams };

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
  if (segments.length === 1 && isScreen(head)) return { screen: head, params };
  return null;
}

export function formatRoute(route: Route): string {
  const path = route.screen === 'lot' ? `/lot/${encodeURIComponent(route.lotId)}` : `/${route.screen}`;
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
