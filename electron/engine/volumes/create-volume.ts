/**
 * CreateVolume: an empty (raw) volume of a type and size, or one restored from a snapshot (its
 * files with it), in an Availability Zone of the region; `creating` for a few seconds, then
 * `available`. EC2 API Reference: API_CreateVolume; EBS User Guide: ebs-creating-volume.
 */
import type { CreateVolumeRequest, Volume } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { refuseUnsimulated } from '../not-simulated';
import { SNAPSHOTS } from '../snapshots/snapshot-record';
import { tagsOnCreation } from '../tags/tags-on-creation';
import { createVolumeRecord } from './new-volume';
import { VOLUME_TIMINGS } from './volume-lifecycle';
import { resolveVolumeSpec } from './volume-rules';
import { toVolume } from './volume-view';

const SERVED = [
  'AvailabilityZone',
  'Size',
  'SnapshotId',
  'VolumeType',
  'Iops',
  'Throughput',
  'Encrypted',
  'TagSpecifications',
  // The SDKs fill in a fresh token on every call; the lab answers each call once, so a retry is the only loss.
  'ClientToken',
  'DryRun',
];

export function createVolume(ctx: EngineContext, region: string, request: CreateVolumeRequest): Volume {
  refuseUnsimulated('CreateVolume', request, SERVED);
  if (request.MultiAttachEnabled) throw errors.notSimulated('CreateVolume', 'MultiAttachEnabled');
  const zone = checkZone(ctx, region, request.AvailabilityZone);
  const snapshot = request.SnapshotId ? findRecords(ctx, region, SNAPSHOTS, [request.SnapshotId])[0]! : undefined;
  if (snapshot && snapshot.state !== 'completed') {
    throw errors.incorrectState(`Snapshot is in invalid state - ${snapshot.state}`);
  }
  if (request.Size === undefined && !snapshot) throw errors.missingParameter('size or snapshotId');
  const sizeGiB = request.Size ?? snapshot!.volumeSizeGiB;
  if (snapshot && sizeGiB < snapshot.volumeSizeGiB) {
    throw errors.volumeSmallerThanVolumeSnapshot(sizeGiB, snapshot.snapshotId, snapshot.volumeSizeGiB);
  }
  const spec = resolveVolumeSpec({
    volumeType: request.VolumeType ?? 'gp2',
    sizeGiB,
    iops: request.Iops,
    throughput: request.Throughput,
  });
  const tags = tagsOnCreation(request.TagSpecifications, 'volume');
  const now = ctx.clock.now();
  const record = createVolumeRecord(ctx, {
    region,
    availabilityZone: zone,
    spec,
    // A volume made from an encrypted snapshot is encrypted (EBS User Guide: ebs-encryption).
    encrypted: request.Encrypted === true || snapshot?.encrypted === true,
    snapshotId: snapshot?.snapshotId,
    tags,
    at: now,
    creatingUntil: now + VOLUME_TIMINGS.creatingMs,
  });
  return toVolume(record);
}

/** The zone must be named and be one of the region's (API_CreateVolume: AvailabilityZone is required). */
export function checkZone(ctx: EngineContext, region: string, zone: string | undefined): string {
  if (!zone) throw errors.missingParameter('AvailabilityZone');
  const zones = ctx.catalog.regions.find((r) => r.RegionName === region)?.Zones ?? [];
  if (!zones.some((z) => z.ZoneName === zone)) throw errors.invalidAvailabilityZone(zone);
  return zone;
}
