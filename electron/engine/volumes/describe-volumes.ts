/**
 * DescribeVolumes and DescribeVolumesModifications with their filters and paging.
 * EC2 API Reference: API_DescribeVolumes, API_DescribeVolumesModifications.
 */
import type {
  DescribeVolumesModificationsRequest,
  DescribeVolumesModificationsResult,
  DescribeVolumesRequest,
  DescribeVolumesResult,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { describeRecords } from '../describe';
import type { FilterFields } from '../filters';
import { VOLUMES, type VolumeRecord } from './volume-record';
import { toVolume, toVolumeModification } from './volume-view';

const VOLUME_FILTERS: FilterFields<VolumeRecord> = {
  'volume-id': (v) => v.volumeId,
  'availability-zone': (v) => v.availabilityZone,
  'create-time': (v) => new Date(v.createTime).toISOString(),
  encrypted: (v) => String(v.encrypted),
  size: (v) => String(v.sizeGiB),
  'snapshot-id': (v) => v.snapshotId ?? '',
  status: (v) => v.state,
  'volume-type': (v) => v.volumeType,
  'multi-attach-enabled': () => 'false',
  'attachment.instance-id': (v) => v.attachment?.instanceId,
  'attachment.device': (v) => v.attachment?.device,
  'attachment.status': (v) => (v.attachment ? (v.attachment.state ?? 'attached') : undefined),
  'attachment.attach-time': (v) => (v.attachment ? new Date(v.attachment.attachTime).toISOString() : undefined),
  'attachment.delete-on-termination': (v) => (v.attachment ? String(v.attachment.deleteOnTermination) : undefined),
};

export function describeVolumes(
  ctx: EngineContext,
  region: string,
  request: DescribeVolumesRequest,
): DescribeVolumesResult {
  const page = describeRecords(ctx, region, VOLUMES, request.VolumeIds, request, {
    filters: VOLUME_FILTERS,
    paging: { min: 5, max: 500, scope: `volumes:${region}` },
    shape: toVolume,
  });
  return { Volumes: page.items, NextToken: page.nextToken };
}

const MODIFICATION_FILTERS: FilterFields<VolumeRecord> = {
  'volume-id': (v) => v.volumeId,
  'modification-state': (v) => v.modification?.state,
  'target-size': (v) => v.modification && String(v.modification.target.sizeGiB),
  'target-volume-type': (v) => v.modification?.target.volumeType,
  'original-size': (v) => v.modification && String(v.modification.original.sizeGiB),
  'original-volume-type': (v) => v.modification?.original.volumeType,
  'start-time': (v) => v.modification && new Date(v.modification.startTime).toISOString(),
};

export function describeVolumesModifications(
  ctx: EngineContext,
  region: string,
  request: DescribeVolumesModificationsRequest,
): DescribeVolumesModificationsResult {
  const page = describeRecords(ctx, region, VOLUMES, request.VolumeIds, request, {
    where: (v) => v.modification !== undefined,
    filters: MODIFICATION_FILTERS,
    paging: { min: 5, max: 500, scope: `volume-modifications:${region}` },
    shape: (v) => toVolumeModification(v)!,
  });
  return { VolumesModifications: page.items, NextToken: page.nextToken };
}
