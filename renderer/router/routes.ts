/**
 * The console's pages, in one table: the name in the hash (`#/<name>/<param>`), the view, where
 * the side navigation lists it, and what the path segment after the name means. The hash router
 * (composables/useRoute.ts), App's routed view and the side navigation all read this table, so a
 * new page is one line here.
 */
import type { Component } from 'vue';
import type { MessageKey } from '../i18n/message-keys';
import DashboardView from '../views/DashboardView.vue';
import InstancesView from '../views/InstancesView.vue';
import LaunchInstanceView from '../views/LaunchInstanceView.vue';
import InstanceTypesView from '../views/InstanceTypesView.vue';
import AmisView from '../views/AmisView.vue';
import KeyPairsView from '../views/KeyPairsView.vue';
import LaunchTemplatesView from '../views/LaunchTemplatesView.vue';
import LaunchFromTemplateView from '../views/LaunchFromTemplateView.vue';
import SecurityGroupsView from '../views/SecurityGroupsView.vue';
import ElasticIpsView from '../views/ElasticIpsView.vue';
import NetworkInterfacesView from '../views/NetworkInterfacesView.vue';
import VolumesView from '../views/VolumesView.vue';
import SnapshotsView from '../views/SnapshotsView.vue';
import CliAccessView from '../views/CliAccessView.vue';
import ActivityView from '../views/ActivityView.vue';
import SettingsView from '../views/SettingsView.vue';
import VpcsView from '../views/VpcsView.vue';
import SubnetsView from '../views/SubnetsView.vue';
import RouteTablesView from '../views/RouteTablesView.vue';
import InternetGatewaysView from '../views/InternetGatewaysView.vue';
import NetworkAclsView from '../views/NetworkAclsView.vue';

/** The side navigation's groups, in the order it shows them; 'home' is the link above them. */
export type NavSection = 'home' | 'instances' | 'images' | 'storage' | 'network' | 'vpc' | 'developer' | 'lab';

export interface PageRoute {
  /**
   * The view. A function, so the table can be read while a view that links to pages is still
   * loading (views import the router, which reads this table).
   */
  view: () => Component;
  /** Where the side navigation lists the page, and the i18n key of its link. */
  nav?: { section: NavSection; label: MessageKey };
  /** A page the navigation does not list marks this page's link as current instead. */
  navCurrent?: string;
  /** What the path segment after the name means, if the page takes one. */
  param?: string;
}

export const ROUTES = {
  dashboard: { view: () => DashboardView, nav: { section: 'home', label: 'nav.dashboard' } },
  instances: {
    view: () => InstancesView,
    nav: { section: 'instances', label: 'nav.instances' },
    param: 'the instance id whose details are shown',
  },
  launch: { view: () => LaunchInstanceView, navCurrent: 'instances' },
  'instance-types': { view: () => InstanceTypesView, nav: { section: 'instances', label: 'nav.instanceTypes' } },
  'launch-templates': {
    view: () => LaunchTemplatesView,
    nav: { section: 'instances', label: 'nav.launchTemplates' },
  },
  'launch-from-template': {
    view: () => LaunchFromTemplateView,
    navCurrent: 'instances',
    param: 'the launch template id chosen first',
  },
  amis: { view: () => AmisView, nav: { section: 'images', label: 'nav.amis' } },
  volumes: { view: () => VolumesView, nav: { section: 'storage', label: 'nav.volumes' } },
  snapshots: { view: () => SnapshotsView, nav: { section: 'storage', label: 'nav.snapshots' } },
  'security-groups': {
    view: () => SecurityGroupsView,
    nav: { section: 'network', label: 'nav.securityGroups' },
  },
  'elastic-ips': { view: () => ElasticIpsView, nav: { section: 'network', label: 'nav.elasticIps' } },
  'key-pairs': { view: () => KeyPairsView, nav: { section: 'network', label: 'nav.keyPairs' } },
  'network-interfaces': {
    view: () => NetworkInterfacesView,
    nav: { section: 'network', label: 'nav.networkInterfaces' },
  },
  vpcs: { view: () => VpcsView, nav: { section: 'vpc', label: 'vpc.nav.vpcs' } },
  subnets: { view: () => SubnetsView, nav: { section: 'vpc', label: 'vpc.nav.subnets' } },
  'route-tables': { view: () => RouteTablesView, nav: { section: 'vpc', label: 'vpc.nav.routeTables' } },
  'internet-gateways': {
    view: () => InternetGatewaysView,
    nav: { section: 'vpc', label: 'vpc.nav.internetGateways' },
  },
  'network-acls': { view: () => NetworkAclsView, nav: { section: 'vpc', label: 'vpc.nav.networkAcls' } },
  'cli-access': { view: () => CliAccessView, nav: { section: 'developer', label: 'nav.cliAccess' } },
  activity: { view: () => ActivityView, nav: { section: 'developer', label: 'nav.activity' } },
  settings: { view: () => SettingsView, nav: { section: 'lab', label: 'nav.settings' } },
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
