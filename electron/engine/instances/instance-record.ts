/**
 * An instance as the engine keeps it: stricter than AWS's all-optional `Instance`, mapped at the
 * edge. Its network interfaces and volumes are records of their own families; the instance names
 * them (primary interface first, block devices by device name).
 */
import type { LifecycleAction, StateName } from '../../../shared/rules/instances';
import { errors } from '../errors';
import { defineCollection, type Tag } from '../resource-collection';

export type { LifecycleAction, StateName, Tag };

export interface BlockDevice {
  deviceName: string;
  volumeId: string;
}

/** An NVMe instance-store disk that comes with the instance type (EC2 User Guide: InstanceStorage). */
export interface InstanceStoreDisk {
  /** `<instance id>/ephemeral<n>`: names its contents record. */
  diskId: string;
  virtualName: string;
  sizeGiB: number;
  diskType: 'ssd' | 'hdd';
}

export interface InstanceRecord {
  instanceId: string;
  reservationId: string;
  region: string;
  ownerId: string;
  amiLaunchIndex: number;
  imageId: string;
  instanceType: string;
  architecture: string;
  platform?: 'windows';
  platformDetails: string;
  usageOperation: string;
  availabilityZone: string;
  /** Where it was launched; the primary network interface lives there too. */
  vpcId: string;
  subnetId: string;
  /** Attached network interfaces, the primary one (device index 0) first. */
  networkInterfaceIds: string[];
  /** Auto-assign a public IPv4 address on launch and on every start (the subnet's choice at launch). */
  assignPublicIp: boolean;
  keyName?: string;
  state: StateName;
  /** The time of the last launch or start, as AWS reports LaunchTime. */
  launchTime: number;
  /** When the current transitional state (pending, stopping, shutting-down) completes. */
  transitionDueAt?: number;
  /** True once the instance has been running at least once. */
  hasRun: boolean;
  /** A reboot in progress: the OS is down until then; the state stays running. */
  rebootingUntil?: number;
  /** When status checks pass after the instance reached running. */
  statusChecksPassAt?: number;
  lastAction: { action: LifecycleAction; at: number };
  stateTransitionReason: string;
  stateReason?: { Code: string; Message: string };
  shutdownBehavior: 'stop' | 'terminate';
  disableApiTermination: boolean;
  disableApiStop: boolean;
  hibernationConfigured: boolean;
  /** The last stop was a hibernation (RAM saved to the root volume). */
  hibernated: boolean;
  userData?: string;
  /**
   * IMDS: whether requests need an IMDSv2 session token, as the AMI's ImdsSupport set it at launch
   * (EC2 User Guide: configuring-IMDS-new-instances); absent in labs saved before: required.
   */
  httpTokens?: 'optional' | 'required';
  rootDeviceName: string;
  /** Attached EBS volumes by device, the root device among them. */
  blockDevices: BlockDevice[];
  /** Instance-store disks of the type, wiped on stop, hibernate and terminate; absent for types without. */
  instanceStore?: InstanceStoreDisk[];
  ebsOptimized: boolean;
  clientToken?: string;
  /** A fingerprint of the RunInstances request that carried the client token (client-token.ts). */
  clientRequest?: string;
  tags: Tag[];
  /** A terminated instance stays listed for about an hour, then disappears. */
  removeAt?: number;
}

export const INSTANCES = defineCollection<InstanceRecord>({
  name: 'instances',
  regionOf: (r) => r.region,
  idOf: (r) => r.instanceId,
  idPrefix: 'i',
  malformed: errors.instanceIdMalformed,
  notFound: errors.instanceIdNotFound,
  tagResourceType: 'instance',
  kind: 'instance',
});
