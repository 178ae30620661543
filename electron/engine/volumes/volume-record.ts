/**
 * An EBS volume as the engine keeps it: its type and performance, its state on the clock, the
 * instance it is attached to, a modification in progress (EC2 API Reference: Volume,
 * VolumeAttachment, VolumeModification). What it holds is a record of its own (disk-contents-record.ts).
 */
import { errors } from '../errors';
import { defineCollection, type Tag } from '../resource-collection';

/** EC2's volume states (EC2 User Guide: ebs-describing-volumes, "Volume state"). */
export type VolumeState = 'creating' | 'available' | 'in-use' | 'deleting' | 'deleted' | 'error';

/** EC2's attachment states (API_VolumeAttachment). */
export type AttachmentState = 'attaching' | 'attached' | 'detaching';

export interface VolumeAttachmentRecord {
  instanceId: string;
  device: string;
  attachTime: number;
  deleteOnTermination: boolean;
  /** Absent on records made before attachments had states: attached. */
  state?: AttachmentState;
}

/** A ModifyVolume in progress or done (API_VolumeModification). */
export interface VolumeModificationRecord {
  state: 'modifying' | 'optimizing' | 'completed';
  startTime: number;
  /** When it moves on: modifying → optimizing, optimizing → completed. */
  dueAt?: number;
  endTime?: number;
  original: { sizeGiB: number; volumeType: string; iops?: number; throughput?: number };
  target: { sizeGiB: number; volumeType: string; iops?: number; throughput?: number };
}

export interface VolumeRecord {
  volumeId: string;
  region: string;
  availabilityZone: string;
  sizeGiB: number;
  volumeType: string;
  /** Provisioned or baseline IOPS (gp3, gp2, io1, io2); absent for st1, sc1 and standard. */
  iops?: number;
  /** gp3 throughput in MiB/s. */
  throughput?: number;
  encrypted: boolean;
  /** The snapshot it was made from (an AMI's root snapshot, or one of the learner's), if any. */
  snapshotId?: string;
  createTime: number;
  state: VolumeState;
  /** When the current transitional state (creating, deleting) or attachment state completes. */
  transitionDueAt?: number;
  attachment?: VolumeAttachmentRecord;
  modification?: VolumeModificationRecord;
  tags: Tag[];
}

export const VOLUMES = defineCollection<VolumeRecord>({
  name: 'volumes',
  regionOf: (r) => r.region,
  idOf: (r) => r.volumeId,
  idPrefix: 'vol',
  malformed: errors.volumeIdMalformed,
  notFound: errors.volumeNotFound,
  tagResourceType: 'volume',
  kind: 'volume',
});
