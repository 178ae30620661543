/**
 * What happens to an instance's EBS volumes when it terminates: volumes with DeleteOnTermination
 * go (and their files with them), the others are detached and become `available` (EC2 User Guide:
 * terminating-instances, "Preserve data"). Volumes are made at launch by new-volume.ts.
 */
import type { EngineContext } from '../context';
import { releaseOnTermination } from '../release-on-termination';
import { dropContents } from './disk-contents';
import { VOLUMES } from './volume-record';

export function releaseVolumesOf(ctx: EngineContext, volumeIds: readonly string[]): void {
  releaseOnTermination(ctx, VOLUMES, volumeIds, (volume) => {
    volume.attachment = undefined;
    volume.state = 'available';
    volume.transitionDueAt = undefined;
  });
  const volumes = ctx.records(VOLUMES);
  for (const id of volumeIds) if (!volumes.has(id)) dropContents(ctx, id);
}
