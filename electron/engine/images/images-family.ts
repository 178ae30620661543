/**
 * The images family: DescribeImages over the catalog's AMIs and the learner's own, and the AMIs the
 * learner makes (CreateImage, CopyImage, RegisterImage) and removes (DeregisterImage).
 */
import {
  checkFields,
  flag,
  id,
  listOf,
  oneOf,
  optional,
  region,
  shape,
  tags,
  text,
  anyText,
  time,
  count,
} from '../import-checks';
import { defineFamily } from '../resource-family';
import { describeImages } from './describe-images';
import { advanceImages, copyImage, createImage, deregisterImage } from './image-operations';
import { IMAGES } from './image-record';
import { registerImage } from './register-image';

export const IMAGES_FAMILY = defineFamily({
  name: 'images',
  collection: IMAGES,
  importCheck: checkFields({
    imageId: id('ami'),
    region,
    ownerId: text,
    name: text,
    description: optional(anyText),
    state: oneOf(['pending', 'available', 'failed']),
    creationTime: time,
    architecture: text,
    platform: optional(oneOf(['windows'])),
    platformDetails: text,
    usageOperation: text,
    rootDeviceName: text,
    blockDevices: listOf(
      shape({
        deviceName: text,
        virtualName: optional(text),
        ebs: optional(
          shape({
            snapshotId: id('snap'),
            sizeGiB: count,
            volumeType: text,
            iops: optional(count),
            throughput: optional(count),
            deleteOnTermination: flag,
            encrypted: flag,
          }),
        ),
      }),
      64,
    ),
    os: oneOf(['amazon-linux', 'ubuntu', 'debian', 'rhel', 'suse', 'windows', 'macos']),
    defaultUser: text,
    sourceInstanceId: optional(id('i')),
    sourceImageId: optional(id('ami')),
    sourceRegion: optional(region),
    tags,
  }),
  // Not 'ImageId': RunInstances names an AMI it does not change, and its answer's instances carry one.
  activityIdKeys: ['ImageIds', 'SourceImageId'],
  advance: (ctx) => advanceImages(ctx),
  handlers: {
    DescribeImages: describeImages,
    CreateImage: createImage,
    DeregisterImage: deregisterImage,
    CopyImage: copyImage,
    RegisterImage: registerImage,
  },
});
