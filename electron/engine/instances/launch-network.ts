/**
 * Where RunInstances puts an instance on the network and how: the subnet (by SubnetId, by zone, or a
 * default subnet whose zone offers the type), the security groups, a private address the launch names,
 * whether a public IPv4 address is auto-assigned, and the primary interface's DeleteOnTermination and
 * description, from the instance-level members or from `NetworkInterfaces[0]` (device index 0), never
 * both. EC2 API Reference: API_RunInstances, API_InstanceNetworkInterfaceSpecification; EC2 User
 * Guide: using-instance-addressing ("auto-assigned only when the subnet maps public IPs or the launch
 * asks").
 */
import type { InstanceNetworkInterfaceSpecification, RunInstancesRequest } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { refuseUnsimulated } from '../not-simulated';
import { ensureDefaultSecurityGroup } from '../security-groups/default-security-group';
import { groupsForInterface } from '../security-groups/find-groups';
import { SUBNETS, type SubnetRecord } from '../subnets/subnet-record';
import { defaultVpcOf, requireDefaultVpc } from '../vpcs/default-vpc';
import { VPCS } from '../vpcs/vpc-record';

export interface LaunchNetwork {
  subnet: SubnetRecord;
  groups: { groupId: string; groupName: string }[];
  privateIpAddress?: string;
  assignPublicIp: boolean;
  deleteOnTermination: boolean;
  description: string;
}

/** The members of `NetworkInterfaces[0]` the lab serves; any other is refused, never dropped. */
const SERVED_INTERFACE_MEMBERS: readonly (keyof InstanceNetworkInterfaceSpecification)[] = [
  'DeviceIndex',
  'SubnetId',
  'Groups',
  'PrivateIpAddress',
  'AssociatePublicIpAddress',
  'DeleteOnTermination',
  'Description',
];

export function launchNetwork(
  ctx: EngineContext,
  region: string,
  request: RunInstancesRequest,
  type: string,
  maxCount: number,
): LaunchNetwork {
  const spec = interfaceSpecification(request);
  const privateIpAddress = spec ? spec.PrivateIpAddress : request.PrivateIpAddress;
  if (privateIpAddress !== undefined && maxCount > 1) {
    throw errors.invalidParameterCombination(
      'Cannot specify a private IP address when launching more than one instance',
    );
  }
  const subnet = chooseSubnet(ctx, region, spec ? spec.SubnetId : request.SubnetId, request, type);
  const groups = launchGroups(
    ctx,
    region,
    subnet,
    spec ? spec.Groups : request.SecurityGroupIds,
    spec ? undefined : request.SecurityGroups,
  );
  return {
    subnet,
    groups,
    privateIpAddress,
    assignPublicIp: spec?.AssociatePublicIpAddress ?? subnet.mapPublicIpOnLaunch,
    deleteOnTermination: spec?.DeleteOnTermination ?? true,
    description: spec?.Description ?? '',
  };
}

/** `NetworkInterfaces[0]`, checked: one interface at device index 0, and no instance-level twin. */
function interfaceSpecification(request: RunInstancesRequest): InstanceNetworkInterfaceSpecification | undefined {
  const specs = request.NetworkInterfaces;
  if (!specs?.length) return undefined;
  if (request.SubnetId !== undefined) {
    throw errors.invalidParameterCombination(
      'Network interfaces and an instance-level subnet ID may not be specified on the same request',
    );
  }
  if (request.PrivateIpAddress !== undefined) {
    throw errors.invalidParameterCombination(
      'Network interfaces and an instance-level private IP address may not be specified on the same request',
    );
  }
  if (request.SecurityGroupIds?.length || request.SecurityGroups?.length) {
    throw errors.invalidParameterCombination(
      'Network interfaces and an instance-level security groups may not be specified on the same request',
    );
  }
  if (specs.length > 1) {
    if (specs.some((s) => s.AssociatePublicIpAddress !== undefined)) {
      throw errors.invalidParameterCombination(
        'The associatePublicIPAddress parameter cannot be specified when launching with multiple network interfaces.',
      );
    }
    throw errors.notSimulated('RunInstances', 'NetworkInterfaces (more than one at launch; attach more afterwards)');
  }
  const spec = specs[0]!;
  refuseUnsimulated('RunInstances', spec, SERVED_INTERFACE_MEMBERS, 'NetworkInterface.');
  if (spec.DeviceIndex === undefined) throw errors.missingParameter('NetworkInterface.1.DeviceIndex');
  if (spec.DeviceIndex !== 0) {
    throw errors.invalidParameterValue(
      `Value (${spec.DeviceIndex}) for parameter deviceIndex is invalid. The primary network interface must have device index 0.`,
    );
  }
  return spec;
}

function chooseSubnet(
  ctx: EngineContext,
  region: string,
  subnetId: string | undefined,
  request: RunInstancesRequest,
  type: string,
): SubnetRecord {
  // Without a subnet the launch goes to the default VPC, which must exist (AWS: VPCIdNotSpecified).
  const subnets = subnetId ? (defaultVpcOf(ctx, region)?.subnets ?? []) : requireDefaultVpc(ctx, region).subnets;
  const offered = ctx.catalog.offerings[region] ?? {};
  const offeringZones = subnets.filter((s) => offered[s.availabilityZone]?.includes(type));
  let subnet: SubnetRecord | undefined;
  if (subnetId) {
    subnet = ctx.records(SUBNETS).getInRegion(region, subnetId);
    if (!subnet) throw SUBNETS.notFound([subnetId]);
  } else if (request.Placement?.AvailabilityZone) {
    const zone = request.Placement.AvailabilityZone;
    subnet = subnets.find((s) => s.availabilityZone === zone);
    if (!subnet) throw errors.invalidAvailabilityZone(zone);
  }
  if (subnet) {
    if (!offered[subnet.availabilityZone]?.includes(type)) throw unsupportedInZone(type, subnet, offeringZones);
    return subnet;
  }
  if (!offeringZones.length) {
    throw errors.typeNotInRegion(type, region);
  }
  return offeringZones[ctx.ids.int(offeringZones.length)]!;
}

/**
 * The groups named by id or name, in the subnet's VPC; without any, the VPC's default group, as EC2
 * attaches it (API_RunInstances: "If you don't specify a security group ID, we use the default
 * security group for the VPC").
 */
function launchGroups(
  ctx: EngineContext,
  region: string,
  subnet: SubnetRecord,
  groupIds: readonly string[] | undefined,
  groupNames: readonly string[] | undefined,
) {
  const named = groupsForInterface(ctx, region, subnet.vpcId, subnet.subnetId, groupIds, groupNames);
  const vpc = ctx.records(VPCS).getInRegion(region, subnet.vpcId)!;
  const groups = named.length ? named : [ensureDefaultSecurityGroup(ctx, vpc)];
  return groups.map((g) => ({ groupId: g.groupId, groupName: g.groupName }));
}

function unsupportedInZone(type: string, subnet: SubnetRecord, zones: SubnetRecord[]) {
  return errors.typeNotInZone(
    type,
    subnet.availabilityZone,
    zones.map((z) => z.availabilityZone),
  );
}
