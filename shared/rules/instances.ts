/**
 * Instance facts the engine and the console both need, written once: the state names and codes
 * (EC2 API Reference: InstanceState — "the high byte is an opaque internal value"; the low byte is
 * 0 pending, 16 running, 32 shutting-down, 48 terminated, 64 stopping, 80 stopped), the lifecycle
 * actions, and the limits AWS puts on a launch.
 */
import type { InstanceStateName } from '@aws-sdk/client-ec2';

export type StateName = `${InstanceStateName}`;

export const INSTANCE_STATE_CODES: Readonly<Record<StateName, number>> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

export const INSTANCE_STATES = Object.keys(INSTANCE_STATE_CODES) as readonly StateName[];

/** States an instance passes through on its own, on the clock (EC2 User Guide: ec2-instance-lifecycle). */
export const TRANSITIONAL_STATES: readonly StateName[] = ['pending', 'stopping', 'shutting-down'];

/** What last happened to an instance: a user's request, its launch, or a shutdown from inside. */
export const LIFECYCLE_ACTIONS = ['launch', 'start', 'stop', 'hibernate', 'reboot', 'terminate', 'shutdown'] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

/** The actions a user can request of an existing instance. */
export type RequestAction = 'start' | 'stop' | 'hibernate' | 'reboot' | 'terminate';

/** User data is limited to 16 KB, before base64 encoding (EC2 User Guide: user-data). */
export const MAX_USER_DATA_BYTES = 16 * 1024;

/** Hibernation needs at most 150 GiB of RAM (EC2 User Guide: hibernating-prerequisites). */
export const MAX_HIBERNATION_RAM_MIB = 150 * 1024;

/**
 * The smallest root volume that can hold a hibernating instance: the AMI's root plus room for the
 * whole RAM (EC2 User Guide: hibernating-prerequisites, "Root volume size").
 */
export function hibernationRootMinimumGiB(amiRootGiB: number, memoryMiB: number): number {
  return amiRootGiB + Math.ceil(memoryMiB / 1024);
}

/**
 * Mac instances (mac1.metal, mac2.metal, mac2-m2.metal …) run only on a Dedicated Host (EC2 User
 * Guide: ec2-mac-instances, "Mac instances are available only as bare metal instances on Dedicated
 * Hosts"). The lab does not simulate Dedicated Hosts yet, so it refuses them.
 */
export function needsDedicatedHost(instanceType: string): boolean {
  return /^mac[\d-]/.test(instanceType);
}
