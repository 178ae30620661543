/**
 * DescribeInstances and DescribeInstanceStatus. EC2 API Reference: API_DescribeInstances,
 * API_DescribeInstanceStatus (filters, paging, IncludeAllInstances).
 */
import type {
  DescribeInstanceStatusRequest,
  DescribeInstanceStatusResult,
  DescribeInstancesRequest,
  DescribeInstancesResult,
  InstanceStatus,
  Reservation,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { describeRecords } from '../describe';
import { errors } from '../errors';
import type { FilterFields } from '../filters';
import { privateDnsName, publicDnsName } from '../network-interfaces/ip-addresses';
import { INSTANCES, type InstanceRecord } from './instance-record';
import { statusChecksPassed } from './instance-lifecycle';
import { describedInstance, instanceState, primaryInterface } from './instance-view';
import { STATE_CODES } from './lifecycle';

/** DescribeInstances' filters; the address filters read the primary network interface. */
const instanceFilters = (ctx: EngineContext): FilterFields<InstanceRecord> => ({
  'instance-id': (i) => i.instanceId,
  'instance-state-name': (i) => i.state,
  'instance-state-code': (i) => STATE_CODES[i.state],
  'instance-type': (i) => i.instanceType,
  'image-id': (i) => i.imageId,
  'availability-zone': (i) => i.availabilityZone,
  'key-name': (i) => i.keyName,
  'vpc-id': (i) => (i.state === 'terminated' ? undefined : i.vpcId),
  'subnet-id': (i) => (i.state === 'terminated' ? undefined : i.subnetId),
  'private-ip-address': (i) => addressesOf(ctx, i).privateIp,
  'ip-address': (i) => addressesOf(ctx, i).publicIp,
  'private-dns-name': (i) => {
    const ip = addressesOf(ctx, i).privateIp;
    return ip ? privateDnsName(ip, i.region) : undefined;
  },
  'dns-name': (i) => {
    const ip = addressesOf(ctx, i).publicIp;
    return ip ? publicDnsName(ip, i.region) : undefined;
  },
  architecture: (i) => i.architecture,
  'reservation-id': (i) => i.reservationId,
  'owner-id': (i) => i.ownerId,
  platform: (i) => i.platform,
  'platform-details': (i) => i.platformDetails,
  'root-device-type': () => 'ebs',
  'root-device-name': (i) => i.rootDeviceName,
  'hibernation-options.configured': (i) => String(i.hibernationConfigured),
  'launch-time': (i) => new Date(i.launchTime).toISOString(),
  'ami-launch-index': (i) => i.amiLaunchIndex,
  'client-token': (i) => i.clientToken,
  'network-interface.network-interface-id': (i) => (i.state === 'terminated' ? [] : i.networkInterfaceIds),
  'block-device-mapping.volume-id': (i) => (i.state === 'terminated' ? [] : i.blockDevices.map((d) => d.volumeId)),
  'block-device-mapping.device-name': (i) => (i.state === 'terminated' ? [] : i.blockDevices.map((d) => d.deviceName)),
  tenancy: () => 'default',
  'placement-group-name': () => undefined,
  'instance.group-id': (i) => groupsOf(ctx, i).map((g) => g.groupId),
  'instance.group-name': (i) => groupsOf(ctx, i).map((g) => g.groupName),
  'network-interface.group-id': (i) => groupsOf(ctx, i).map((g) => g.groupId),
  'network-interface.group-name': (i) => groupsOf(ctx, i).map((g) => g.groupName),
});

/** The security groups of the instance's primary network interface (none once terminated). */
function groupsOf(ctx: EngineContext, instance: InstanceRecord): { groupId: string; groupName: string }[] {
  return instance.state === 'terminated' ? [] : (primaryInterface(ctx, instance)?.groups ?? []);
}

function addressesOf(ctx: EngineContext, instance: InstanceRecord): { privateIp?: string; publicIp?: string } {
  if (instance.state === 'terminated') return {};
  const eni = primaryInterface(ctx, instance);
  return { privateIp: eni?.privateIpAddress, publicIp: eni?.publicIp };
}

/** Ids and paging exclude each other (API_DescribeInstances: InstanceIds, MaxResults). */
function checkIdsOrPaging(request: { InstanceIds?: string[]; MaxResults?: number }): void {
  if (request.InstanceIds?.length && request.MaxResults !== undefined) {
    throw errors.invalidParameterCombination('The parameter instancesSet cannot be used with the parameter maxResults');
  }
}

export function describeInstances(
  ctx: EngineContext,
  region: string,
  request: DescribeInstancesRequest,
): DescribeInstancesResult {
  checkIdsOrPaging(request);
  const page = describeRecords(ctx, region, INSTANCES, request.InstanceIds, request, {
    filters: instanceFilters(ctx),
    paging: { min: 5, max: 1000, scope: `instances:${region}` },
    shape: (record) => record,
  });
  return { Reservations: groupByReservation(ctx, page.items), NextToken: page.nextToken };
}

function groupByReservation(ctx: EngineContext, instances: readonly InstanceRecord[]): Reservation[] {
  const reservations = new Map<string, Reservation>();
  for (const record of instances) {
    let reservation = reservations.get(record.reservationId);
    if (!reservation) {
      reservation = { ReservationId: record.reservationId, OwnerId: record.ownerId, Groups: [], Instances: [] };
      reservations.set(record.reservationId, reservation);
    }
    reservation.Instances!.push(describedInstance(ctx, record));
  }
  return [...reservations.values()];
}

type CheckStatus = 'ok' | 'initializing' | 'not-applicable';

function checkStatus(record: InstanceRecord): CheckStatus {
  if (record.state !== 'running') return 'not-applicable';
  return statusChecksPassed(record) ? 'ok' : 'initializing';
}

function toInstanceStatus(record: InstanceRecord): InstanceStatus {
  const status = checkStatus(record);
  const detail: 'passed' | 'initializing' | undefined =
    status === 'ok' ? 'passed' : status === 'initializing' ? 'initializing' : undefined;
  const summary = (name: 'reachability') => ({
    Status: status,
    Details: detail ? [{ Name: name, Status: detail }] : undefined,
  });
  return {
    InstanceId: record.instanceId,
    AvailabilityZone: record.availabilityZone,
    InstanceState: instanceState(record),
    InstanceStatus: summary('reachability'),
    SystemStatus: summary('reachability'),
    AttachedEbsStatus: summary('reachability'),
    Events: [],
  };
}

const STATUS_FILTERS: FilterFields<InstanceRecord> = {
  'availability-zone': (i) => i.availabilityZone,
  'instance-state-name': (i) => i.state,
  'instance-state-code': (i) => STATE_CODES[i.state],
  'instance-status.status': (i) => checkStatus(i),
  'instance-status.reachability': (i) => (checkStatus(i) === 'ok' ? 'passed' : checkStatus(i)),
  'system-status.status': (i) => checkStatus(i),
  'system-status.reachability': (i) => (checkStatus(i) === 'ok' ? 'passed' : checkStatus(i)),
};

export function describeInstanceStatus(
  ctx: EngineContext,
  region: string,
  request: DescribeInstanceStatusRequest,
): DescribeInstanceStatusResult {
  checkIdsOrPaging(request);
  const page = describeRecords(ctx, region, INSTANCES, request.InstanceIds, request, {
    // By default only running instances are described (API_DescribeInstanceStatus: IncludeAllInstances).
    where: request.IncludeAllInstances ? undefined : (i) => i.state === 'running',
    filters: STATUS_FILTERS,
    paging: { min: 5, max: 1000, scope: `instance-status:${region}` },
    shape: toInstanceStatus,
  });
  return { InstanceStatuses: page.items, NextToken: page.nextToken };
}
