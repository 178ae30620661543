/**
 * A small hash router over the route table (router/routes.ts): `#/instances/i-0123…` →
 * { name: 'instances', param: 'i-0123…' }. The hash keeps the renderer loadable from a file:// URL
 * in the desktop app and from / in browser mode.
 */
import { readonly, ref, type Ref } from 'vue';
import { HOME_ROUTE, isRouteName, type RouteName } from '../router/routes';

export type { RouteName };

export interface Route {
  name: RouteName;
  /** The path segment after the name, e.g. an instance id. */
  param?: string;
}

export function parseHash(hash: string): Route {
  const [name = '', param] = hash.replace(/^#\/?/, '').split('/');
  if (!isRouteName(name)) return { name: HOME_ROUTE };
  return param ? { name, param: decodeURIComponent(param) } : { name };
}

export function hrefTo(name: RouteName, param?: string): string {
  return param ? `#/${name}/${encodeURIComponent(param)}` : `#/${name}`;
}

// Made on first use, not when this module loads: views import it while the route table, which
// imports the views, may still be loading.
let current: Ref<Route> | undefined;
let listening = false;

function sync(): Ref<Route> {
  const route = parseHash(typeof location === 'undefined' ? '' : location.hash);
  if (current) current.value = route;
  else current = ref<Route>(route);
  return current;
}

export function useRoute() {
  if (typeof window !== 'undefined' && !listening) {
    window.addEventListener('hashchange', sync);
    listening = true;
  }
  return readonly(sync());
}

export function navigate(name: RouteName, param?: string): void {
  const href = hrefTo(name, param);
  if (location.hash !== href) location.hash = href;
  sync();
}
