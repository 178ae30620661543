/**
 * A volume's states on the clock (EC2 User Guide: ebs-describing-volumes "Volume state",
 * ebs-attaching-volume, ebs-detaching-volume, ebs-deleting-volume; EBS User Guide:
 * monitoring-volume-modifications): creating → available, attaching → attached (in-use),
 * detaching → available, deleting → gone; a modification goes modifying → optimizing → completed.
 */
import type { EngineContext } from '../context';
import { dueSchedule } from '../due-times';
import { INSTANCES } from '../instances/instance-record';
import { dropContents } from './disk-contents';
import { VOLUMES, type VolumeRecord } from './volume-record';

/** Simulated durations, close to what a small gp3 volume shows on AWS. */
export const VOLUME_TIMINGS = {
  creatingMs: 5_000,
  attachingMs: 3_000,
  detachingMs: 5_000,
  deletingMs: 3_000,
  modifyingMs: 10_000,
  optimizingMs: 60_000,
} as const;

function nextDue(volume: VolumeRecord): number | undefined {
  const times = [volume.transitionDueAt, volume.modification?.dueAt].filter((t): t is number => t !== undefined);
  return times.length ? Math.min(...times) : undefined;
}

export function advanceVolumes(ctx: EngineContext, now: number): void {
  const volumes = ctx.records(VOLUMES);
  for (const id of dueSchedule(volumes, nextDue).dueBy(now)) {
    for (;;) {
      const volume = volumes.get(id);
      const at = volume && nextDue(volume);
      if (at === undefined || at > now) break;
      settle(ctx, id, at);
    }
  }
}

function settle(ctx: EngineContext, id: string, at: number): void {
  const volumes = ctx.records(VOLUMES);
  const volume = volumes.touch(id);
  ctx.changed(volume.region, 'volume', id);
  const modification = volume.modification;
  if (
    modification?.dueAt !== undefined &&
    modification.dueAt <= at &&
    modification.dueAt <= (volume.transitionDueAt ?? Infinity)
  ) {
    if (modification.state === 'modifying') {
      // The new size and performance are the volume's once it is optimizing (EBS User Guide: monitoring-volume-modifications).
      modification.state = 'optimizing';
      modification.dueAt = at + VOLUME_TIMINGS.optimizingMs;
      volume.sizeGiB = modification.target.sizeGiB;
      volume.volumeType = modification.target.volumeType;
      volume.iops = modification.target.iops;
      volume.throughput = modification.target.throughput;
    } else {
      modification.state = 'completed';
      modification.dueAt = undefined;
      modification.endTime = at;
    }
    return;
  }
  volume.transitionDueAt = undefined;
  if (volume.state === 'creating') {
    volume.state = 'available';
  } else if (volume.state === 'deleting') {
    volumes.delete(id);
    dropContents(ctx, id);
  } else if (volume.attachment?.state === 'attaching') {
    volume.attachment.state = 'attached';
  } else if (volume.attachment?.state === 'detaching') {
    forgetAttachment(ctx, volume);
  }
}

/** The volume leaves its instance's block devices and becomes available. */
export function forgetAttachment(ctx: EngineContext, volume: VolumeRecord): void {
  const instanceId = volume.attachment?.instanceId;
  volume.attachment = undefined;
  volume.state = 'available';
  const instance = instanceId ? ctx.records(INSTANCES).get(instanceId) : undefined;
  if (instance) {
    const touched = ctx.records(INSTANCES).touch(instance.instanceId);
    touched.blockDevices = touched.blockDevices.filter((d) => d.volumeId !== volume.volumeId);
    ctx.changed(touched.region, 'instance', touched.instanceId);
  }
}
