/**
 * Which view shows each page of the route table (routes.ts). Only App's routed view reads it: the
 * views themselves import the router, so keeping the views out of routes.ts keeps imports free of
 * circles. A page without a view here does not compile.
 */
import type { Component } from 'vue';
import type { RouteName } from './routes';
import DashboardView from '../views/DashboardView.vue';
import InstancesView from '../views/InstancesView.vue';
import LaunchInstanceView from '../views/LaunchInstanceView.vue';
import ConnectToInstanceView from '../views/ConnectToInstanceView.vue';
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

export const ROUTE_VIEWS: Record<RouteName, Component> = {
  dashboard: DashboardView,
  instances: InstancesView,
  launch: LaunchInstanceView,
  'connect-to-instance': ConnectToInstanceView,
  'instance-types': InstanceTypesView,
  'launch-templates': LaunchTemplatesView,
  'launch-from-template': LaunchFromTemplateView,
  amis: AmisView,
  volumes: VolumesView,
  snapshots: SnapshotsView,
  'security-groups': SecurityGroupsView,
  'elastic-ips': ElasticIpsView,
  'key-pairs': KeyPairsView,
  'network-interfaces': NetworkInterfacesView,
  vpcs: VpcsView,
  subnets: SubnetsView,
  'route-tables': RouteTablesView,
  'internet-gateways': InternetGatewaysView,
  'network-acls': NetworkAclsView,
  'cli-access': CliAccessView,
  activity: ActivityView,
  settings: SettingsView,
};
