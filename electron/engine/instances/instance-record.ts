/** An instance as the engine keeps it: stricter than AWS's all-optional `Instance`, mapped at the edge. */
import type { LifecycleAction, StateName } from '../../../shared/rules/instances';

export type { LifecycleAction, StateName };

export interface Tag {
  Key: string;
  Value: string;
}

export interface RootVolume {
  volumeId: string;
  deviceName: string;
  sizeGiB: number;
  volumeType: string;
  encrypted: boolean;
  deleteOnTermination: boolean;
  attachTime: number;
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
  vpcId: string;
  subnetId: string;
  networkInterfaceId: string;
  macAddress: string;
  privateIpAddress: string;
  /** Auto-assigned public address: released on stop and hibernate, a new one on start. */
  publicIpAddress?: string;
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
  rootDeviceName: string;
  rootVolume: RootVolume;
  ebsOptimized: boolean;
  clientToken?: string;
  tags: Tag[];
  /** A terminated instance stays listed for about an hour, then disappears. */
  removeAt?: number;
}
