import { useCallback, useRef, useSyncExternalStore } from 'react';
import { DEFAULT_ROUTE, formatRoute, parseRoute, type Route } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const readHash = () => window.location.hash;

/**
 * The current route from the URL fragment. A fragment that is not a route (the skip link's
 * `#main`) keeps the screen that was showing, rather than jumping back to Stock.
 */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, readHash);
  const last = useRef<Route>(DEFAULT_ROUTE);
  const parsed = parseRoute(hash);
  if (parsed) last.current = parsed;
  return last.current;
}

export function navigate(route: Route | string): void {
  window.location.hash = typeof route === 'string' ? route : formatRoute(route);
}

/** Back to where the person came from inside Atlas, or to Stock. */
export function useGoBack(): () => void {
  return useCallback(() => {
    if (window.history.length > 1) window.history.back();
    else navigate(DEFAULT_ROUTE);
  }, []);
}
