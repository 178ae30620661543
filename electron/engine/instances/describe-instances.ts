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
import { errors } from '../errors';
import { applyFilters, type FilterFields } from '../filters';
import { paginate } from '../pagination';
import { privateDnsName, publicDnsName } from '../network/ip-addresses';
import { findInstances } from './find-instances';
import type { InstanceRecord } from './instance-record';
import { statusChecksPassed } from './instance-lifecycle';
import { instanceState, toInstance } from './instance-view';
import { STATE_CODES } from './lifecycle';

const INSTANCE_FILTERS: FilterFields<InstanceRecord> = {
  'instance-id': (i) => i.instanceId,
  'instance-state-name': (i) => i.state,
  'instance-state-code': (i) => STATE_CODES[i.state],
  'instance-type': (i) => i.instanceType,
  'image-id': (i) => i.imageId,
  'availability-zone': (i) => i.availabilityZone,
  'key-name': (i) => i.keyName,
  'vpc-id': (i) => (i.state === 'terminated' ? undefined : i.vpcId),
  'subnet-id': (i) => (i.state === 'terminated' ? undefined : i.subnetId),
  'private-ip-address': (i) => (i.state === 'terminated' ? undefined : i.privateIpAddress),
  'ip-address': (i) => i.publicIpAddress,
  'private-dns-name': (i) => (i.state === 'terminated' ? undefined : privateDnsName(i.privateIpAddress, i.region)),
  'dns-name': (i) => (i.publicIpAddress ? publicDnsName(i.publicIpAddress, i.region) : undefined),
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
  'network-interface.network-interface-id': (i) => i.networkInterfaceId,
  'block-device-mapping.volume-id': (i) => i.rootVolume.volumeId,
  'block-device-mapping.device-name': (i) => i.rootVolume.deviceName,
  tenancy: () => 'default',
  'placement-group-name': () => undefined,
};

export function describeInstances(
  ctx: EngineContext,
  region: string,
  request: DescribeInstancesRequest,
): DescribeInstancesResult {
  const candidates = namedOrAll(ctx, region, request);
  const matching = applyFilters(candidates, request.Filters, INSTANCE_FILTERS, (i) => i.tags);
  const page = paginate(matching, request, { min: 5, max: 1000, scope: `instances:${region}` });
  return { Reservations: groupByReservation(page.items), NextToken: page.nextToken };
}

/** The instances a request names (each must exist), or all of the region's; ids and paging exclude each other. */
function namedOrAll(
  ctx: EngineContext,
  region: string,
  request: { InstanceIds?: string[]; MaxResults?: number },
): InstanceRecord[] {
  if (request.InstanceIds?.length && request.MaxResults !== undefined) {
    throw errors.invalidParameterCombination('The parameter instancesSet cannot be used with the parameter maxResults');
  }
  return request.InstanceIds?.length
    ? findInstances(ctx, region, request.InstanceIds)
    : [...ctx.repos.instances.values()].filter((i) => i.region === region);
}

function groupByReservation(instances: readonly InstanceRecord[]): Reservation[] {
  const reservations = new Map<string, Reservation>();
  for (const record of instances) {
    let reservation = reservations.get(record.reservationId);
    if (!reservation) {
      reservation = { ReservationId: record.reservationId, OwnerId: record.ownerId, Groups: [], Instances: [] };
      reservations.set(record.reservationId, reservation);
    }
    reservation.Instances!.push(toInstance(record));
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
  let candidates = namedOrAll(ctx, region, request);
  // By default only running instances are described (API_DescribeInstanceStatus: IncludeAllInstances).
  if (!request.IncludeAllInstances) candidates = candidates.filter((i) => i.state === 'running');
  const matching = applyFilters(candidates, request.Filters, STATUS_FILTERS);
  const page = paginate(matching, request, { min: 5, max: 1000, scope: `instance-status:${region}` });
  return { InstanceStatuses: page.items.map(toInstanceStatus), NextToken: page.nextToken };
}
