/**
 * The default VPC of a region: 172.31.0.0/16 with a default /20 subnet per AZ (172.31.0.0/20,
 * 172.31.16.0/20, …) that maps public IPv4 addresses on launch, and its default security group.
 * EC2 User Guide: default-vpc ("Default VPC components").
 */
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { ensureDefaultSecurityGroup } from '../security-groups/default-security-group';
import { SUBNETS, type SubnetRecord } from '../subnets/subnet-record';
import { VPCS, type VpcRecord } from './vpc-record';

export function ensureDefaultVpc(ctx: EngineContext, region: string): { vpc: VpcRecord; subnets: SubnetRecord[] } {
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
      tags: [],
    });
  }
  const vpcId = vpc.vpcId;
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
  });
  subnets.sort((a, b) => a.availabilityZone.localeCompare(b.availabilityZone));
  ensureDefaultSecurityGroup(ctx, vpc);
  return { vpc, subnets };
}
