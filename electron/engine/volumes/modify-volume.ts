/**
 * ModifyVolume: a larger size (never smaller), another type, other IOPS or throughput, while the
 * volume is available or in use; one modification at a time. The change is `modifying`, then
 * `optimizing` (the new size is the volume's from then on), then `completed`.
 * EC2 API Reference: API_ModifyVolume; EBS User Guide: requesting-ebs-volume-modifications.
 */
import type { ModifyVolumeRequest, ModifyVolumeResult } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { refuseUnsimulated } from '../not-simulated';
import { VOLUME_TIMINGS } from './volume-lifecycle';
import { VOLUMES } from './volume-record';
import { resolveVolumeSpec } from './volume-rules';
import { toVolumeModification } from './volume-view';

export function modifyVolume(ctx: EngineContext, region: string, request: ModifyVolumeRequest): ModifyVolumeResult {
  refuseUnsimulated('ModifyVolume', request, ['VolumeId', 'Size', 'VolumeType', 'Iops', 'Throughput', 'DryRun']);
  if (!request.VolumeId) throw errors.missingParameter('VolumeId');
  const volume = findRecords(ctx, region, VOLUMES, [request.VolumeId])[0]!;
  if (volume.state !== 'available' && volume.state !== 'in-use') {
    throw errors.incorrectState(`The volume '${volume.volumeId}' is '${volume.state}'.`);
  }
  if (volume.modification && volume.modification.state !== 'completed') {
    throw errors.incorrectModificationState(volume.volumeId);
  }
  if (
    request.Size === undefined &&
    !request.VolumeType &&
    request.Iops === undefined &&
    request.Throughput === undefined
  ) {
    throw errors.missingParameter('size, volumeType, iops or throughput');
  }
  const sizeGiB = request.Size ?? volume.sizeGiB;
  if (sizeGiB < volume.sizeGiB) {
    throw errors.invalidParameterValue(
      `New size cannot be smaller than existing size. Current size is ${volume.sizeGiB} GiB and requested size is ${sizeGiB} GiB.`,
    );
  }
  const volumeType = request.VolumeType ?? volume.volumeType;
  const keepsType = volumeType === volume.volumeType;
  const target = resolveVolumeSpec({
    volumeType,
    sizeGiB,
    // A type change starts from the new type's defaults unless the request names them.
    iops: request.Iops ?? (keepsType && volumeType !== 'gp2' ? volume.iops : undefined),
    throughput: request.Throughput ?? (keepsType ? volume.throughput : undefined),
  });
  const now = ctx.clock.now();
  const touched = ctx.records(VOLUMES).touch(volume.volumeId);
  touched.modification = {
    state: 'modifying',
    startTime: now,
    dueAt: now + VOLUME_TIMINGS.modifyingMs,
    original: {
      sizeGiB: volume.sizeGiB,
      volumeType: volume.volumeType,
      iops: volume.iops,
      throughput: volume.throughput,
    },
    target: {
      sizeGiB: target.sizeGiB,
      volumeType: target.volumeType,
      iops: target.iops,
      throughput: target.throughput,
    },
  };
  ctx.changed(region, 'volume', volume.volumeId);
  return { VolumeModification: toVolumeModification(touched) };
}
