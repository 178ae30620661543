/**
 * DeleteVolume: only a volume that is not attached (`VolumeInUse` otherwise); `deleting` for a few
 * seconds, then gone with its files. EC2 API Reference: API_DeleteVolume.
 */
import type { DeleteVolumeRequest } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { VOLUME_TIMINGS } from './volume-lifecycle';
import { VOLUMES } from './volume-record';

export function deleteVolume(ctx: EngineContext, region: string, request: DeleteVolumeRequest): Record<string, never> {
  if (!request.VolumeId) throw errors.missingParameter('VolumeId');
  const volume = findRecords(ctx, region, VOLUMES, [request.VolumeId])[0]!;
  if (volume.attachment) throw errors.volumeAttachedTo(volume.volumeId, volume.attachment.instanceId);
  if (volume.state === 'deleting') return {};
  if (volume.state !== 'available') {
    throw errors.incorrectState(`The volume '${volume.volumeId}' is '${volume.state}'.`);
  }
  const touched = ctx.records(VOLUMES).touch(volume.volumeId);
  touched.state = 'deleting';
  touched.transitionDueAt = ctx.clock.now() + VOLUME_TIMINGS.deletingMs;
  ctx.changed(region, 'volume', volume.volumeId);
  return {};
}
