/**
 * A small hash router over the route table (router/routes.ts): `#/instances/i-0123…` →
 * { name: 'instances', param: 'i-0123…' }. The hash keeps the renderer loadable from a file:// URL
 * in the desktop app and from / in browser mode. A page can hold the learner back before leaving
 * (the launch wizard with entries): `guardLeave` is asked before any route change, from a link, the
 * back button or `navigate`; `replaceRoute` follows a selection without a history entry.
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

// Made on first use, not when this module loads, so importing the router reads no location yet.
let current: Ref<Route> | undefined;
let listening = false;

/** Answers whether leaving for `to` may go ahead now; false keeps the page (it asks the learner itself). */
export type LeaveGuard = (to: Route) => boolean;
let leaveGuard: LeaveGuard | undefined;

/** Installs the guard of the page shown; the answer removes it. */
export function guardLeave(guard: LeaveGuard): () => void {
  leaveGuard = guard;
  return () => {
    if (leaveGuard === guard) leaveGuard = undefined;
  };
}

function sameRoute(a: Route, b: Route): boolean {
  return a.name === b.name && a.param === b.param;
}

/** Reads the address into the route; a change the guard has not allowed yet is asked about first. */
function sync(allowed = false): Ref<Route> {
  const route = parseHash(typeof location === 'undefined' ? '' : location.hash);
  if (current && !allowed && !sameRoute(current.value, route) && leaveGuard && !leaveGuard(route)) {
    // Held back: the address goes back to the page still shown.
    history.replaceState(history.state, '', hrefTo(current.value.name, current.value.param));
    return current;
  }
  if (!current) current = ref<Route>(route);
  else if (!sameRoute(current.value, route)) current.value = route;
  return current;
}

export function useRoute() {
  if (typeof window !== 'undefined' && !listening) {
    window.addEventListener('hashchange', () => sync());
    listening = true;
  }
  return readonly(sync());
}

export function navigate(name: RouteName, param?: string): void {
  const href = hrefTo(name, param);
  if (current && leaveGuard && !sameRoute(current.value, { name, param }) && !leaveGuard({ name, param })) return;
  if (location.hash !== href) location.hash = href;
  sync(true);
}

/** Shows `name`/`param` in the address without a history entry, as a selection changes. */
export function replaceRoute(name: RouteName, param?: string): void {
  const href = hrefTo(name, param);
  if (location.hash !== href) history.replaceState(history.state, '', href);
  sync(true);
}
