/**
 * A small hash router: `#/instances/i-0123…` → { name: 'instances', param: 'i-0123…' }. The hash
 * keeps the renderer loadable from a file:// URL in the desktop app and from / in browser mode.
 */
import { readonly, ref } from 'vue';

export type RouteName =
  'dashboard' | 'instances' | 'launch' | 'instance-types' | 'amis' | 'cli-access' | 'activity' | 'settings';

export interface Route {
  name: RouteName;
  /** The path segment after the name, e.g. an instance id. */
  param?: string;
}

const ROUTE_NAMES: readonly RouteName[] = [
  'dashboard',
  'instances',
  'launch',
  'instance-types',
  'amis',
  'cli-access',
  'activity',
  'settings',
];

export function parseHash(hash: string): Route {
  const [name = '', param] = hash.replace(/^#\/?/, '').split('/');
  const known = ROUTE_NAMES.find((route) => route === name);
  if (!known) return { name: 'dashboard' };
  return param ? { name: known, param: decodeURIComponent(param) } : { name: known };
}

export function hrefTo(name: RouteName, param?: string): string {
  return param ? `#/${name}/${encodeURIComponent(param)}` : `#/${name}`;
}

const current = ref<Route>(parseHash(typeof location === 'undefined' ? '' : location.hash));
let listening = false;

function sync(): void {
  current.value = parseHash(location.hash);
}

export function useRoute() {
  if (typeof window !== 'undefined') {
    if (!listening) window.addEventListener('hashchange', sync);
    listening = true;
    sync();
  }
  return readonly(current);
}

export function navigate(name: RouteName, param?: string): void {
  const href = hrefTo(name, param);
  if (location.hash !== href) location.hash = href;
  sync();
}
