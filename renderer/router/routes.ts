/**
 * The console's pages, in one table: the name in the hash (`#/<name>/<param>`), where the side
 * navigation lists it, and what the path segment after the name means. The hash router
 * (composables/useRoute.ts) and the side navigation read this table; which view shows each page is
 * in route-views.ts (App's routed view alone needs the views, and views import the router, so the
 * two tables are apart to keep imports free of circles). A new page is a line in each.
 */
import type { MessageKey } from '../i18n/message-keys';

/** The side navigation's groups, in the order it shows them; 'home' is the link above them. */
export type NavSection = 'home' | 'instances' | 'images' | 'storage' | 'network' | 'vpc' | 'developer' | 'lab';

export interface PageRoute {
  /** Where the side navigation lists the page, and the i18n key of its link. */
  nav?: { section: NavSection; label: MessageKey };
  /** A page the navigation does not list marks this page's link as current instead. */
  navCurrent?: string;
  /** What the path segment after the name means, if the page takes one. */
  param?: string;
}

export const ROUTES = {
  dashboard: { nav: { section: 'home', label: 'nav.dashboard' } },
  instances: {
    nav: { section: 'instances', label: 'nav.instances' },
    param: 'the instance id whose details are shown',
  },
  launch: { navCurrent: 'instances' },
  'connect-to-instance': { navCurrent: 'instances', param: 'the instance id to connect to' },
  'instance-types': { nav: { section: 'instances', label: 'nav.instanceTypes' } },
  'launch-templates': {
    nav: { section: 'instances', label: 'nav.launchTemplates' },
  },
  'launch-from-template': {
    navCurrent: 'instances',
    param: 'the launch template id chosen first',
  },
  amis: { nav: { section: 'images', label: 'nav.amis' } },
  volumes: { nav: { section: 'storage', label: 'nav.volumes' } },
  snapshots: { nav: { section: 'storage', label: 'nav.snapshots' } },
  'security-groups': {
    nav: { section: 'network', label: 'nav.securityGroups' },
  },
  'elastic-ips': { nav: { section: 'network', label: 'nav.elasticIps' } },
  'key-pairs': { nav: { section: 'network', label: 'nav.keyPairs' } },
  'network-interfaces': {
    nav: { section: 'network', label: 'nav.networkInterfaces' },
  },
  vpcs: { nav: { section: 'vpc', label: 'vpc.nav.vpcs' } },
  subnets: { nav: { section: 'vpc', label: 'vpc.nav.subnets' } },
  'route-tables': { nav: { section: 'vpc', label: 'vpc.nav.routeTables' } },
  'internet-gateways': {
    nav: { section: 'vpc', label: 'vpc.nav.internetGateways' },
  },
  'network-acls': { nav: { section: 'vpc', label: 'vpc.nav.networkAcls' } },
  'cli-access': { nav: { section: 'developer', label: 'nav.cliAccess' } },
  activity: { nav: { section: 'developer', label: 'nav.activity' } },
  settings: { nav: { section: 'lab', label: 'nav.settings' } },
} as const satisfies Record<string, PageRoute>;

export type RouteName = keyof typeof ROUTES;

/** Where an unknown or empty hash leads. */
export const HOME_ROUTE: RouteName = 'dashboard';

/** The side navigation's groups below the home link, in order, with their headings' i18n keys. */
export const NAV_GROUPS: { section: Exclude<NavSection, 'home'>; title: MessageKey }[] = [
  { section: 'instances', title: 'nav.instancesGroup' },
  { section: 'images', title: 'nav.imagesGroup' },
  { section: 'storage', title: 'nav.ebs' },
  { section: 'network', title: 'nav.network' },
  { section: 'vpc', title: 'vpc.nav.group' },
  { section: 'developer', title: 'nav.developerGroup' },
  { section: 'lab', title: 'nav.labGroup' },
];

export function isRouteName(name: string): name is RouteName {
  return Object.hasOwn(ROUTES, name);
}

/** The pages the navigation lists in `section`, in table order. */
export function navLinks(section: NavSection): { route: RouteName; label: MessageKey }[] {
  return (Object.entries(ROUTES) as [RouteName, PageRoute][]).flatMap(([route, page]) =>
    page.nav?.section === section ? [{ route, label: page.nav.label }] : [],
  );
}

/** The navigation link marked current while `name` is shown. */
export function navCurrentOf(name: RouteName): RouteName {
  const page: PageRoute = ROUTES[name];
  return page.navCurrent && isRouteName(page.navCurrent) ? page.navCurrent : name;
}
