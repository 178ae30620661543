/**
 * The AMI a launch names, wherever it lives: one the learner made (it must be `available`) or a
 * catalog image of the region, in the catalog's shape (AWS's Image plus the OS and login user),
 * so RunInstances treats both alike.
 */
import type { CatalogImage } from '../catalog/catalog';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { isWellFormedId } from '../ids';
import { IMAGES } from './image-record';
import { toImage } from './image-view';

export function findLaunchImage(ctx: EngineContext, region: string, imageId: string | undefined): CatalogImage {
  if (!imageId) throw errors.missingParameter('ImageId');
  if (!isWellFormedId(imageId, 'ami')) throw errors.amiIdMalformed(imageId);
  const own = ctx.records(IMAGES).getInRegion(region, imageId);
  if (own) {
    if (own.state !== 'available') throw errors.imagePending(imageId, own.state);
    const root = own.blockDevices.find((d) => d.deviceName === own.rootDeviceName)?.ebs;
    return {
      image: toImage(own),
      quickStart: {
        ImageId: own.imageId,
        Os: own.os,
        Title: own.name,
        Description: own.description ?? '',
        Architecture: own.architecture as CatalogImage['quickStart']['Architecture'],
        DefaultUser: own.defaultUser,
        FreeTierEligible: false,
        RootDeviceName: own.rootDeviceName,
        RootVolumeSizeGiB: root?.sizeGiB ?? 8,
      },
    };
  }
  const image = ctx.catalog.images[region]?.find((i) => i.image.ImageId === imageId);
  if (!image) throw errors.amiIdNotFound([imageId]);
  return image;
}
