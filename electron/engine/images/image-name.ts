/**
 * An AMI's name as CreateImage, CopyImage and RegisterImage take it: required, 3 to 128 of letters,
 * digits and ( ) [ ] . / - ' @ _ and space, unique among the account's AMIs in the region.
 * EC2 User Guide: creating-an-ami-ebs.
 */
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { IMAGES } from './image-record';

const IMAGE_NAME = /^[A-Za-z0-9()[\]./\-'@_ ]{3,128}$/;

export function checkImageName(ctx: EngineContext, region: string, name: string | undefined): string {
  if (!name) throw errors.missingParameter('Name');
  if (!IMAGE_NAME.test(name)) throw errors.imageNameMalformed();
  const taken = ctx
    .records(IMAGES)
    .inRegion(region)
    .find((i) => i.name === name);
  if (taken) throw errors.imageNameDuplicate(name, taken.imageId);
  return name;
}
