/**
 * The default VPC of a region: 172.31.0.0/16 with a default /20 subnet per AZ (172.31.0.0/20,
 * 172.31.16.0/20, …) that maps public IPv4 addresses on launch, an internet gateway attached to it,
 * a main route table routing 0.0.0.0/0 to that gateway, the default network ACL allowing all traffic
 * and associated with every subnet, and the default security group.
 * EC2 User Guide / VPC User Guide: default-vpc ("Default VPC components").
 *
 * Labs saved before the gateway, route tables and ACLs existed have a default VPC without them:
 * a default VPC with no main route table is completed here (gateway, route, ACL), once. A learner
 * who later detaches or deletes the default VPC's gateway keeps it that way: the main route table
 * then exists, so nothing is added back.
 *
 * A deleted default VPC stays deleted, as on AWS: its region is noted in the lab settings and no
 * default VPC is made there again until CreateDefaultVpc (create-default-vpc.ts). Meanwhile what
 * needs one answers VPCIdNotSpecified ("No default VPC for this user").
 */
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { newInternetGateway } from '../internet-gateways/internet-gateway-operations';
import { INTERNET_GATEWAYS, gatewayOfVpc } from '../internet-gateways/internet-gateway-record';
import { associateWithDefaultAcl, defaultNetworkAclOf } from '../network-acls/new-network-acl';
import { mainRouteTableOf } from '../route-tables/subnet-route-table';
import { SUBNETS, type SubnetRecord } from '../subnets/subnet-record';
import { SETTINGS, SETTINGS_ID } from '../lab/lab-settings';
import { ensureVpcParts } from './vpc-parts';
import { VPCS, type VpcRecord } from './vpc-record';

export interface DefaultVpc {
  vpc: VpcRecord;
  subnets: SubnetRecord[];
}

/** The region's default VPC, made (or completed) if needed; undefined where the learner deleted it. */
export function defaultVpcOf(ctx: EngineContext, region: string): DefaultVpc | undefined {
  if (defaultVpcDeleted(ctx, region)) return undefined;
  return ensureDefaultVpc(ctx, region);
}

/** The region's default VPC, or AWS's VPCIdNotSpecified when the learner deleted it. */
export function requireDefaultVpc(ctx: EngineContext, region: string, detail = ''): DefaultVpc {
  const found = defaultVpcOf(ctx, region);
  if (!found) throw errors.noDefaultVpc(detail);
  return found;
}

export function defaultVpcDeleted(ctx: EngineContext, region: string): boolean {
  return ctx.records(SETTINGS).get(SETTINGS_ID)?.regionsWithoutDefaultVpc?.includes(region) ?? false;
}

/** Notes that the region's default VPC was deleted (DeleteVpc), or made again (CreateDefaultVpc). */
export function setDefaultVpcDeleted(ctx: EngineContext, region: string, deleted: boolean): void {
  const settings = ctx.records(SETTINGS).touch(SETTINGS_ID);
  const others = (settings.regionsWithoutDefaultVpc ?? []).filter((r) => r !== region);
  settings.regionsWithoutDefaultVpc = deleted ? [...others, region] : others;
}

export function ensureDefaultVpc(ctx: EngineContext, region: string): DefaultVpc {
  const regionInfo = ctx.catalog.regions.find((r) => r.RegionName === region);
  if (!regionInfo) throw errors.invalidRegion(region);
  const vpcs = ctx.records(VPCS);
  let vpc = vpcs.inRegion(region).find((v) => v.isDefault);
  if (!vpc) {
    const vpcId = ctx.ids.next('vpc');
    vpc = vpcs.put(vpcId, {
      vpcId,
      region,
      cidrBlock: '172.31.0.0/16',
      isDefault: true,
      dhcpOptionsId: ctx.ids.next('dopt'),
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: [],
    });
  }
  const vpcId = vpc.vpcId;
  if (!mainRouteTableOf(ctx, region, vpcId)) {
    const gateways = ctx.records(INTERNET_GATEWAYS).inRegion(region);
    const gateway = gatewayOfVpc(gateways, vpcId) ?? newInternetGateway(ctx, region, [], vpcId);
    ensureVpcParts(ctx, vpc, gateway.internetGatewayId);
  }
  const subnets = ctx
    .records(SUBNETS)
    .inRegion(region)
    .filter((s) => s.vpcId === vpcId);
  regionInfo.Zones.forEach((zone, index) => {
    if (subnets.some((s) => s.availabilityZone === zone.ZoneName)) return;
    const subnetId = ctx.ids.next('subnet');
    subnets.push(
      ctx.records(SUBNETS).put(subnetId, {
        subnetId,
        vpcId,
        region,
        availabilityZone: zone.ZoneName,
        availabilityZoneId: zone.ZoneId,
        cidrBlock: `172.31.${index * 16}.0/20`,
        defaultForAz: true,
        mapPublicIpOnLaunch: true,
        tags: [],
      }),
    );
    const acl = defaultNetworkAclOf(ctx, region, vpcId);
    if (acl) associateWithDefaultAcl(ctx, acl, subnetId);
  });
  subnets.sort((a, b) => a.availabilityZone.localeCompare(b.availabilityZone));
  ensureVpcParts(ctx, vpc);
  return { vpc, subnets };
}
