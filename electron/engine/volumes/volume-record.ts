/**
 * An EBS volume as the engine keeps it. Today every volume is an instance's root volume, made at
 * launch; the storage family adds the rest (EC2 API Reference: Volume, VolumeAttachment).
 */
import { errors } from '../errors';
import { defineCollection, type Tag } from '../resource-collection';

/** EC2's volume states (EC2 User Guide: ebs-describing-volumes, "Volume state"). */
export type VolumeState = 'creating' | 'available' | 'in-use' | 'deleting' | 'deleted' | 'error';

export interface VolumeAttachmentRecord {
  instanceId: string;
  device: string;
  attachTime: number;
  deleteOnTermination: boolean;
}

export interface VolumeRecord {
  volumeId: string;
  region: string;
  availabilityZone: string;
  sizeGiB: number;
  volumeType: string;
  encrypted: boolean;
  /** The snapshot it was made from (an AMI's root snapshot), if any. */
  snapshotId?: string;
  createTime: number;
  state: VolumeState;
  attachment?: VolumeAttachmentRecord;
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
