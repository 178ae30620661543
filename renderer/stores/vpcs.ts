/**
 * The VPC resources of the selected region, for the VPC pages: VPCs, subnets, route tables,
 * internet gateways and network ACLs (DescribeVpcs, DescribeSubnets, DescribeRouteTables,
 * DescribeInternetGateways, DescribeNetworkAcls), and what the pages do to them. Each change answers
 * the AWS CLI command that does the same. An event of any of these kinds describes them all again:
 * a region has few, and one change (a gateway detached) shows on another (its routes go blackhole).
 * VPC User Guide: create-vpc, configure-subnets, VPC_Route_Tables, VPC_Internet_Gateway,
 * vpc-network-acls.
 */
import { defineStore, storeToRefs } from 'pinia';
import { ref } from 'vue';
import type { InternetGateway, NetworkAcl, NetworkAclEntry, RouteTable, Subnet, Tag, Vpc } from '@aws-sdk/client-ec2';
import { ec2 } from '../api/client';
import type { Ec2OperationName, Ec2Operations } from '../../shared/ec2-operations';
import { toCliCommand } from '../../shared/cli-command';
import { registerLabData } from './engine-events';
import { useRegionStore } from './region';

/** The `Name` tag given at creation, as the console's "Name tag" field gives it. */
function nameTag(resourceType: string, name: string) {
  const tags: Tag[] = name.trim() ? [{ Key: 'Name', Value: name.trim() }] : [];
  return tags.length ? [{ ResourceType: resourceType as never, Tags: tags }] : undefined;
}

export function nameOf(resource: { Tags?: Tag[] } | undefined): string {
  return resource?.Tags?.find((tag) => tag.Key === 'Name')?.Value ?? '';
}

export const useVpcsStore = defineStore('vpcs', () => {
  const { selected: region } = storeToRefs(useRegionStore());
  const vpcs = ref<Vpc[]>([]);
  const subnets = ref<Subnet[]>([]);
  const routeTables = ref<RouteTable[]>([]);
  const internetGateways = ref<InternetGateway[]>([]);
  const networkAcls = ref<NetworkAcl[]>([]);
  const loading = ref(false);

  async function load(): Promise<void> {
    const regionName = region.value;
    loading.value = true;
    try {
      const [v, s, r, g, a] = await Promise.all([
        ec2.DescribeVpcs(regionName, {}),
        ec2.DescribeSubnets(regionName, {}),
        ec2.DescribeRouteTables(regionName, {}),
        ec2.DescribeInternetGateways(regionName, {}),
        ec2.DescribeNetworkAcls(regionName, {}),
      ]);
      if (regionName !== region.value) return;
      vpcs.value = v.Vpcs ?? [];
      subnets.value = s.Subnets ?? [];
      routeTables.value = r.RouteTables ?? [];
      internetGateways.value = g.InternetGateways ?? [];
      networkAcls.value = a.NetworkAcls ?? [];
    } finally {
      loading.value = false;
    }
  }

  /** Calls one operation in the region shown, describes everything again, and answers the CLI command. */
  async function call<K extends Ec2OperationName>(
    operation: K,
    input: Ec2Operations[K]['input'],
  ): Promise<{ output: Ec2Operations[K]['output']; cliCommand: string }> {
    const regionName = region.value;
    const output = (await (ec2[operation] as (r: string, i: unknown) => Promise<unknown>)(
      regionName,
      input,
    )) as Ec2Operations[K]['output'];
    await load();
    return { output, cliCommand: toCliCommand(operation, input, regionName) };
  }

  const createVpc = (cidrBlock: string, name: string) =>
    call('CreateVpc', { CidrBlock: cidrBlock, TagSpecifications: nameTag('vpc', name) });
  const deleteVpc = (vpcId: string) => call('DeleteVpc', { VpcId: vpcId });
  const createDefaultVpc = () => call('CreateDefaultVpc', {});
  const createSubnet = (vpcId: string, cidrBlock: string, zone: string, name: string) =>
    call('CreateSubnet', {
      VpcId: vpcId,
      CidrBlock: cidrBlock,
      AvailabilityZone: zone || undefined,
      TagSpecifications: nameTag('subnet', name),
    });
  const deleteSubnet = (subnetId: string) => call('DeleteSubnet', { SubnetId: subnetId });
  const setMapPublicIp = (subnetId: string, value: boolean) =>
    call('ModifySubnetAttribute', { SubnetId: subnetId, MapPublicIpOnLaunch: { Value: value } });
  const createRouteTable = (vpcId: string, name: string) =>
    call('CreateRouteTable', { VpcId: vpcId, TagSpecifications: nameTag('route-table', name) });
  const deleteRouteTable = (routeTableId: string) => call('DeleteRouteTable', { RouteTableId: routeTableId });
  const createRoute = (routeTableId: string, destination: string, gatewayId: string) =>
    call('CreateRoute', { RouteTableId: routeTableId, DestinationCidrBlock: destination, GatewayId: gatewayId });
  const deleteRoute = (routeTableId: string, destination: string) =>
    call('DeleteRoute', { RouteTableId: routeTableId, DestinationCidrBlock: destination });
  const associateSubnet = (routeTableId: string, subnetId: string) =>
    call('AssociateRouteTable', { RouteTableId: routeTableId, SubnetId: subnetId });
  const disassociate = (associationId: string) => call('DisassociateRouteTable', { AssociationId: associationId });
  const createInternetGateway = (name: string) =>
    call('CreateInternetGateway', { TagSpecifications: nameTag('internet-gateway', name) });
  const attachInternetGateway = (gatewayId: string, vpcId: string) =>
    call('AttachInternetGateway', { InternetGatewayId: gatewayId, VpcId: vpcId });
  const detachInternetGateway = (gatewayId: string, vpcId: string) =>
    call('DetachInternetGateway', { InternetGatewayId: gatewayId, VpcId: vpcId });
  const deleteInternetGateway = (gatewayId: string) => call('DeleteInternetGateway', { InternetGatewayId: gatewayId });

  const createNetworkAcl = (vpcId: string, name: string) =>
    call('CreateNetworkAcl', { VpcId: vpcId, TagSpecifications: nameTag('network-acl', name) });
  const deleteNetworkAcl = (networkAclId: string) => call('DeleteNetworkAcl', { NetworkAclId: networkAclId });
  const createNetworkAclEntry = (networkAclId: string, entry: NetworkAclEntry) =>
    call('CreateNetworkAclEntry', {
      NetworkAclId: networkAclId,
      RuleNumber: entry.RuleNumber,
      Egress: entry.Egress,
      Protocol: entry.Protocol,
      RuleAction: entry.RuleAction,
      CidrBlock: entry.CidrBlock,
      PortRange: entry.PortRange,
      IcmpTypeCode: entry.IcmpTypeCode,
    });
  const deleteNetworkAclEntry = (networkAclId: string, ruleNumber: number, egress: boolean) =>
    call('DeleteNetworkAclEntry', { NetworkAclId: networkAclId, RuleNumber: ruleNumber, Egress: egress });

  /** The table a subnet uses: its explicit association, else its VPC's main table. */
  function routeTableOf(subnet: Subnet): RouteTable | undefined {
    const explicit = routeTables.value.find((t) => t.Associations?.some((a) => a.SubnetId === subnet.SubnetId));
    return explicit ?? routeTables.value.find((t) => t.VpcId === subnet.VpcId && t.Associations?.some((a) => a.Main));
  }

  function changed(regionName: string): void {
    if (regionName === region.value) load().catch(() => undefined);
  }

  return {
    vpcs,
    subnets,
    routeTables,
    internetGateways,
    networkAcls,
    loading,
    load,
    createVpc,
    deleteVpc,
    createDefaultVpc,
    createSubnet,
    deleteSubnet,
    setMapPublicIp,
    createRouteTable,
    deleteRouteTable,
    createRoute,
    deleteRoute,
    associateSubnet,
    disassociate,
    createInternetGateway,
    attachInternetGateway,
    detachInternetGateway,
    deleteInternetGateway,
    createNetworkAcl,
    deleteNetworkAcl,
    createNetworkAclEntry,
    deleteNetworkAclEntry,
    routeTableOf,
    changed,
  };
});

const reload = (_ids: string[], region: string) => useVpcsStore().changed(region);

registerLabData({
  storeId: useVpcsStore.$id,
  stage: 'data',
  regional: true,
  reload: () => useVpcsStore().load(),
  changed: { vpc: reload, subnet: reload, 'route-table': reload, 'internet-gateway': reload, 'network-acl': reload },
});
