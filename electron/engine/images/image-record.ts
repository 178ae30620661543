/**
 * An AMI the learner made (CreateImage, CopyImage) as the engine keeps it: its block devices name
 * the snapshots that hold its volumes' files; the operating system and login user come from the
 * AMI its instance was launched from. EC2 API Reference: Image, BlockDeviceMapping.
 */
import type { QuickStartOs } from '../../../shared/lab-operations';
import { errors } from '../errors';
import { defineCollection, type Tag } from '../resource-collection';

export type ImageState = 'pending' | 'available' | 'failed';

export interface ImageEbs {
  snapshotId: string;
  sizeGiB: number;
  volumeType: string;
  iops?: number;
  throughput?: number;
  deleteOnTermination: boolean;
  encrypted: boolean;
}

export interface ImageBlockDevice {
  deviceName: string;
  ebs?: ImageEbs;
  /** An instance-store mapping (`ephemeral0` …). */
  virtualName?: string;
}

export interface ImageRecord {
  imageId: string;
  region: string;
  ownerId: string;
  name: string;
  description?: string;
  state: ImageState;
  creationTime: number;
  architecture: string;
  platform?: 'windows';
  platformDetails: string;
  usageOperation: string;
  rootDeviceName: string;
  blockDevices: ImageBlockDevice[];
  os: QuickStartOs;
  defaultUser: string;
  sourceInstanceId?: string;
  /** A copy names where it came from (CopyImage). */
  sourceImageId?: string;
  sourceRegion?: string;
  tags: Tag[];
}

export const IMAGES = defineCollection<ImageRecord>({
  name: 'images',
  regionOf: (r) => r.region,
  idOf: (r) => r.imageId,
  idPrefix: 'ami',
  malformed: errors.amiIdMalformed,
  notFound: errors.amiIdNotFound,
  tagResourceType: 'image',
  kind: 'image',
});
