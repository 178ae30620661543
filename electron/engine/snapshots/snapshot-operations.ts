/**
 * CreateSnapshot, DescribeSnapshots, DeleteSnapshot and CopySnapshot.
 * EC2 API Reference: API_CreateSnapshot, API_DescribeSnapshots, API_DeleteSnapshot, API_CopySnapshot.
 */
import type {
  CopySnapshotRequest,
  CopySnapshotResult,
  CreateSnapshotRequest,
  DeleteSnapshotRequest,
  DescribeSnapshotsRequest,
  DescribeSnapshotsResult,
  Snapshot,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { describeRecords } from '../describe';
import { errors } from '../errors';
import type { FilterFields } from '../filters';
import { findRecords } from '../find-records';
import { IMAGES } from '../images/image-record';
import { refuseUnsimulated } from '../not-simulated';
import { tagsOnCreation } from '../tags/tags-on-creation';
import { dropContents } from '../volumes/disk-contents';
import { VOLUMES } from '../volumes/volume-record';
import { checkSnapshotRate, copySnapshotRecord, snapshotVolume } from './new-snapshot';
import { SNAPSHOTS, type SnapshotRecord } from './snapshot-record';
import { progressOf, toSnapshot } from './snapshot-view';

export function createSnapshot(ctx: EngineContext, region: string, request: CreateSnapshotRequest): Snapshot {
  refuseUnsimulated('CreateSnapshot', request, ['VolumeId', 'Description', 'TagSpecifications', 'DryRun']);
  if (!request.VolumeId) throw errors.missingParameter('VolumeId');
  const volume = findRecords(ctx, region, VOLUMES, [request.VolumeId])[0]!;
  if (volume.state !== 'available' && volume.state !== 'in-use') {
    throw errors.incorrectState(`The volume '${volume.volumeId}' is '${volume.state}'.`);
  }
  checkSnapshotRate(ctx, volume);
  const tags = tagsOnCreation(request.TagSpecifications, 'snapshot');
  const record = snapshotVolume(ctx, volume, { description: request.Description ?? '', tags });
  return toSnapshot(record, ctx.clock.now());
}

const SNAPSHOT_FILTERS = (now: number): FilterFields<SnapshotRecord> => ({
  'snapshot-id': (s) => s.snapshotId,
  'volume-id': (s) => s.volumeId,
  'volume-size': (s) => String(s.volumeSizeGiB),
  status: (s) => s.state,
  progress: (s) => `${progressOf(s, now)}%`,
  'owner-id': (s) => s.ownerId,
  'owner-alias': () => undefined,
  description: (s) => s.description,
  encrypted: (s) => String(s.encrypted),
  'start-time': (s) => new Date(s.startTime).toISOString(),
  'storage-tier': () => 'standard',
});

export function describeSnapshots(
  ctx: EngineContext,
  region: string,
  request: DescribeSnapshotsRequest,
): DescribeSnapshotsResult {
  refuseUnsimulated('DescribeSnapshots', request, [
    'SnapshotIds',
    'OwnerIds',
    'Filters',
    'MaxResults',
    'NextToken',
    'DryRun',
  ]);
  const account = ctx.accountId();
  // The lab's account owns every snapshot it keeps; AWS's public snapshots are not listed.
  const owners = request.OwnerIds;
  const now = ctx.clock.now();
  const page = describeRecords(ctx, region, SNAPSHOTS, request.SnapshotIds, request, {
    where: owners?.length ? () => owners.some((o) => o === 'self' || o === account) : undefined,
    filters: SNAPSHOT_FILTERS(now),
    paging: { min: 5, max: 1000, scope: `snapshots:${region}` },
    shape: (s) => toSnapshot(s, now),
  });
  return { Snapshots: page.items, NextToken: page.nextToken };
}

export function deleteSnapshot(
  ctx: EngineContext,
  region: string,
  request: DeleteSnapshotRequest,
): Record<string, never> {
  if (!request.SnapshotId) throw errors.missingParameter('SnapshotId');
  const snapshot = findRecords(ctx, region, SNAPSHOTS, [request.SnapshotId])[0]!;
  const image = ctx
    .records(IMAGES)
    .inRegion(region)
    .find((i) => i.blockDevices.some((d) => d.ebs?.snapshotId === snapshot.snapshotId));
  if (image) throw errors.snapshotInUse(snapshot.snapshotId, image.imageId);
  ctx.records(SNAPSHOTS).delete(snapshot.snapshotId);
  dropContents(ctx, snapshot.snapshotId);
  ctx.changed(region, 'snapshot', snapshot.snapshotId);
  return {};
}

/** Called in the destination region, naming the source region and snapshot (API_CopySnapshot). */
export function copySnapshot(ctx: EngineContext, region: string, request: CopySnapshotRequest): CopySnapshotResult {
  refuseUnsimulated('CopySnapshot', request, [
    'SourceRegion',
    'SourceSnapshotId',
    'Description',
    'Encrypted',
    'DestinationRegion',
    'TagSpecifications',
    'DryRun',
    // The SDKs sign a copy request for the source region themselves; the lab has one account, so it needs no proof.
    'PresignedUrl',
  ]);
  if (!request.SourceRegion) throw errors.missingParameter('SourceRegion');
  if (!request.SourceSnapshotId) throw errors.missingParameter('SourceSnapshotId');
  if (!ctx.catalog.regions.some((r) => r.RegionName === request.SourceRegion)) {
    throw errors.invalidParameterValue(`Invalid value '${request.SourceRegion}' for SourceRegion.`);
  }
  if (request.DestinationRegion && request.DestinationRegion !== region) {
    throw errors.invalidParameterValue(
      `The destination region '${request.DestinationRegion}' must be the region the request is sent to ('${region}').`,
    );
  }
  const source = findRecords(ctx, request.SourceRegion, SNAPSHOTS, [request.SourceSnapshotId])[0]!;
  if (source.state !== 'completed') throw errors.incorrectState(`Snapshot is in invalid state - ${source.state}`);
  const tags = tagsOnCreation(request.TagSpecifications, 'snapshot');
  const copy = copySnapshotRecord(ctx, source, region, {
    description:
      request.Description ?? `[Copied ${source.snapshotId} from ${source.region}] ${source.description}`.trim(),
    encrypted: request.Encrypted === true,
    tags,
  });
  return { SnapshotId: copy.snapshotId, Tags: copy.tags.length ? copy.tags : undefined };
}
