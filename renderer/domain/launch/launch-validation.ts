/**
 * Checks the wizard runs before RunInstances, so mistakes show next to their field. The engine
 * checks again and its AWS error is shown if something slips through.
 */
import type { MessageKey } from '../../i18n/message-keys';
import type { InstanceTypeInfo } from '@aws-sdk/client-ec2';
import type { QuickStartImage } from '../../../shared/lab-operations';
import {
  MAX_HIBERNATION_RAM_MIB,
  MAX_USER_DATA_BYTES,
  hibernationRootMinimumGiB,
  needsDedicatedHost,
} from '../../../shared/rules/instances';
import { VOLUME_SIZE_LIMITS_GIB } from '../../../shared/rules/volumes';
import { tagTextLength } from '../../../shared/rules/tags';
import { MAX_TAG_VALUE_LENGTH, validateTagRows } from '../tags/tag-rules';
import { isIpv4Cidr } from '../security-groups/rule-form';
import { wholeNumber, type LaunchForm } from './launch-form';

export const MIN_COUNT = 1;
export const MAX_COUNT = 20;
/** The wizard's root volume is gp3 (shared/rules/volumes.ts). */
export const MAX_ROOT_GIB = VOLUME_SIZE_LIMITS_GIB.gp3![1];
export { MAX_USER_DATA_BYTES };

export type LaunchField =
  | 'name'
  | 'tags'
  | 'image'
  | 'instanceType'
  | 'rootSize'
  | 'count'
  | 'hibernation'
  | 'userData'
  | 'subnet'
  | 'firewall';

export interface FieldError {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export interface LaunchContext {
  image?: QuickStartImage;
  typeInfo?: InstanceTypeInfo;
  /** Only a default VPC has "No preference": in another VPC a subnet must be chosen. */
  subnetRequired?: boolean;
}

export function memoryGiB(typeInfo: InstanceTypeInfo | undefined): number {
  return (typeInfo?.MemoryInfo?.SizeInMiB ?? 0) / 1024;
}

export function supportsArchitecture(typeInfo: InstanceTypeInfo, architecture: string): boolean {
  return (typeInfo.ProcessorInfo?.SupportedArchitectures ?? []).some((supported) => supported === architecture);
}

export function validateLaunch(form: LaunchForm, context: LaunchContext): Partial<Record<LaunchField, FieldError>> {
  const errors: Partial<Record<LaunchField, FieldError>> = {};
  const { image, typeInfo } = context;

  if (tagTextLength(form.name) > MAX_TAG_VALUE_LENGTH) {
    errors.name = { key: 'launch.errors.nameTooLong', params: { max: MAX_TAG_VALUE_LENGTH } };
  }
  const tagRows = form.name ? [{ key: 'Name', value: form.name }, ...form.tags] : form.tags;
  const tagErrors = Object.entries(validateTagRows(tagRows)).filter(([index]) => !form.name || index !== '0');
  if (tagErrors.length > 0) errors.tags = tagErrors[0]![1];

  if (!image) errors.image = { key: 'launch.errors.imageRequired' };
  if (!typeInfo) errors.instanceType = { key: 'launch.errors.typeRequired' };
  else if (image && !supportsArchitecture(typeInfo, image.Architecture)) {
    errors.instanceType = { key: 'launch.errors.typeArchitecture', params: { type: typeInfo.InstanceType ?? '' } };
  } else if (needsDedicatedHost(typeInfo.InstanceType ?? '')) {
    errors.instanceType = {
      key: 'launch.errors.typeNeedsDedicatedHost',
      params: { type: typeInfo.InstanceType ?? '' },
    };
  }

  const count = wholeNumber(form.count);
  if (!(count >= MIN_COUNT && count <= MAX_COUNT)) {
    errors.count = { key: 'launch.errors.count', params: { min: MIN_COUNT, max: MAX_COUNT } };
  }

  const rootSize = wholeNumber(form.rootSize);
  const minimum = image?.RootVolumeSizeGiB ?? 1;
  if (Number.isNaN(rootSize)) errors.rootSize = { key: 'launch.errors.rootSizeWhole' };
  else if (rootSize < minimum) errors.rootSize = { key: 'launch.errors.rootTooSmall', params: { min: minimum } };
  else if (rootSize > MAX_ROOT_GIB)
    errors.rootSize = { key: 'launch.errors.rootTooLarge', params: { max: MAX_ROOT_GIB } };

  if (form.hibernation) {
    const memoryMiB = typeInfo?.MemoryInfo?.SizeInMiB ?? 0;
    const rootMinimum = hibernationRootMinimumGiB(minimum, memoryMiB);
    if (!typeInfo?.HibernationSupported) {
      errors.hibernation = { key: 'launch.errors.hibernationUnsupported', params: { type: form.instanceType } };
    } else if (memoryMiB > MAX_HIBERNATION_RAM_MIB) {
      errors.hibernation = { key: 'launch.errors.hibernationRam', params: { max: MAX_HIBERNATION_RAM_MIB / 1024 } };
    } else if (!form.rootEncrypted) {
      errors.hibernation = { key: 'launch.errors.hibernationEncryption' };
    } else if (!Number.isNaN(rootSize) && rootSize < rootMinimum) {
      errors.hibernation = { key: 'launch.errors.hibernationRootSize', params: { min: rootMinimum } };
    }
  }

  if (new TextEncoder().encode(form.userData).length > MAX_USER_DATA_BYTES) {
    errors.userData = { key: 'launch.errors.userDataTooLong', params: { max: MAX_USER_DATA_BYTES / 1024 } };
  }

  if (context.subnetRequired && !form.subnetId) errors.subnet = { key: 'launch.errors.subnetRequired' };

  if (form.firewall === 'existing' && form.securityGroupIds.length === 0) {
    errors.firewall = { key: 'securityGroups.wizard.noneSelected' };
  } else if (form.firewall === 'create' && form.allowSsh && form.sshSource === 'custom' && !isIpv4Cidr(form.sshCidr)) {
    errors.firewall = { key: 'securityGroups.form.errors.cidr' };
  }
  return errors;
}
