import { useSyncExternalStore } from 'react';
import { parseRoute, routeToHash, type Route } from './router';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const hash = routeToHash(route);
  if (options.replace) window.history.replaceState(null, '', hash);
  else window.location.hash = hash;
  if (options.replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}
