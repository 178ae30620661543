/**
 * The AMIs page's "Owned by me / Quick Start / AWS Marketplace / Public images" menu over one
 * DescribeImages answer: the learner's AMIs carry no owner alias, AWS's carry `amazon`, third-party
 * ones `aws-marketplace`, and every catalog AMI is public (EC2 User Guide: finding-an-ami, sharing-amis).
 */
import type { Image } from '@aws-sdk/client-ec2';

export const IMAGE_FILTERS = ['owned', 'quickStart', 'marketplace', 'public'] as const;
export type ImageFilter = (typeof IMAGE_FILTERS)[number];

export function matchesImageFilter(image: Image, filter: ImageFilter): boolean {
  switch (filter) {
    case 'owned':
      return !image.ImageOwnerAlias;
    case 'quickStart':
      return image.ImageOwnerAlias === 'amazon';
    case 'marketplace':
      return image.ImageOwnerAlias === 'aws-marketplace';
    case 'public':
      return image.Public === true;
  }
}

/** The learner's own AMIs can be deregistered and copied; AWS's and the Marketplace's cannot. */
export const isOwnImage = (image: Image | undefined): boolean => !!image && !image.ImageOwnerAlias;
