/**
 * EBS's rules for a volume's type, size and performance, and for device names, with AWS's messages
 * (EBS User Guide: ebs-volume-types, general-purpose, provisioned-iops; EC2 User Guide:
 * device_naming). Used by CreateVolume, ModifyVolume and RunInstances' block-device mappings.
 */
import {
  GP3_THROUGHPUT,
  VOLUME_IOPS_LIMITS,
  VOLUME_SIZE_LIMITS_GIB,
  gp2BaselineIops,
} from '../../../shared/rules/volumes';
import { errors } from '../errors';

export interface VolumeSpec {
  volumeType: string;
  sizeGiB: number;
  iops?: number;
  throughput?: number;
}

export function checkVolumeType(volumeType: string): void {
  if (!VOLUME_SIZE_LIMITS_GIB[volumeType]) {
    throw errors.invalidParameterValue(
      `Value (${volumeType}) for parameter volumeType is invalid. Expected: 'standard', 'io1', 'io2', 'gp2', 'sc1', 'st1', 'gp3'.`,
    );
  }
}

export function checkVolumeSize(volumeType: string, sizeGiB: number): void {
  checkVolumeType(volumeType);
  const [min, max] = VOLUME_SIZE_LIMITS_GIB[volumeType]!;
  if (!Number.isInteger(sizeGiB)) throw errors.invalidParameterValue(`Invalid value '${sizeGiB}' for size.`);
  if (sizeGiB < min) throw errors.invalidParameterValue(`Volume of ${sizeGiB}GiB is too small; minimum is ${min}GiB.`);
  if (sizeGiB > max) throw errors.invalidParameterValue(`Volume of ${sizeGiB}GiB is too large; maximum is ${max}GiB.`);
}

/** Checks size, IOPS and throughput together and fills in what the type gives by default. */
export function resolveVolumeSpec(request: {
  volumeType: string;
  sizeGiB: number;
  iops?: number;
  throughput?: number;
}): VolumeSpec {
  const { volumeType, sizeGiB } = request;
  checkVolumeSize(volumeType, sizeGiB);
  const limits = VOLUME_IOPS_LIMITS[volumeType];
  let iops = request.iops;
  if (!limits) {
    if (iops !== undefined) {
      throw errors.invalidParameterCombination(`The parameter iops is not supported for ${volumeType} volumes.`);
    }
  } else {
    if (iops === undefined) {
      if (limits.required) throw errors.missingParameter('iops');
      iops = limits.default;
    }
    iops = iops!;
    if (!Number.isInteger(iops) || iops < limits.min) {
      throw errors.invalidParameterValue(`Volume iops of ${iops} is too low; minimum is ${limits.min}.`);
    }
    if (iops > limits.max) {
      throw errors.invalidParameterValue(`Volume iops of ${iops} is too high; maximum is ${limits.max}.`);
    }
    // gp3 always allows its 3,000 baseline, however small the volume.
    if (iops > Math.max(limits.perGiB * sizeGiB, volumeType === 'gp3' ? 3000 : 0)) {
      throw errors.invalidParameterValue(
        `Iops to volume size ratio of ${(iops / sizeGiB).toFixed(6)} is too high; maximum is ${limits.perGiB.toFixed(6)}.`,
      );
    }
  }
  let throughput = request.throughput;
  if (volumeType !== 'gp3') {
    if (throughput !== undefined) {
      throw errors.invalidParameterCombination(`The parameter throughput is not supported for ${volumeType} volumes.`);
    }
  } else {
    throughput ??= GP3_THROUGHPUT.default;
    if (!Number.isInteger(throughput) || throughput < GP3_THROUGHPUT.min) {
      throw errors.invalidParameterValue(
        `Throughput of ${throughput} MiB/s is too low; minimum is ${GP3_THROUGHPUT.min} MiB/s.`,
      );
    }
    if (throughput > GP3_THROUGHPUT.max) {
      throw errors.invalidParameterValue(
        `Throughput of ${throughput} MiB/s is too high; maximum is ${GP3_THROUGHPUT.max} MiB/s.`,
      );
    }
    if (throughput > iops! * GP3_THROUGHPUT.perIops) {
      throw errors.invalidParameterValue(
        `Throughput (MiBps) to iops ratio of ${(throughput / iops!).toFixed(6)} is too high; maximum is ${GP3_THROUGHPUT.perIops.toFixed(6)} MiBps per iops.`,
      );
    }
  }
  if (volumeType === 'gp2') iops = gp2BaselineIops(sizeGiB);
  return { volumeType, sizeGiB, iops, throughput };
}

/**
 * Names EC2 takes for a device (EC2 User Guide: device_naming): /dev/sd[a-z] and /dev/xvd[a-z] with
 * an optional partition number 1–15, /dev/xvd[b-c][a-z]; Windows' xvd[b-z]. Recommended for EBS
 * data volumes: /dev/sd[f-p].
 */
const DEVICE_NAME = /^(\/dev\/(sd[a-z]([1-9]|1[0-5])?|xvd[a-z]([1-9]|1[0-5])?|xvd[b-c][a-z])|xvd[b-z])$/;

export function checkDeviceName(device: string): void {
  if (!DEVICE_NAME.test(device)) throw errors.invalidDeviceName(device);
}
