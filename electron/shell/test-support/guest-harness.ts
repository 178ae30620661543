/** Helpers for the guest layer's tests: a running instance in the terminal harness, logins, volumes. */
import { expect } from 'vitest';
import { TEST_REGION } from '../../engine/test-support/test-lab';
import { TIMINGS } from '../../engine/instances/lifecycle';
import { VOLUME_TIMINGS } from '../../engine/volumes/volume-lifecycle';
import type { Ec2Operations } from '../../../shared/ec2-operations';
import type { TerminalHarness } from './terminal-harness';

export const ZONE = 'ap-northeast-2a';

export function runningInstance(
  h: TerminalHarness,
  extra: Partial<Ec2Operations['RunInstances']['input']> = {},
): string {
  const id = h.lab.launch({ Placement: { AvailabilityZone: ZONE }, ...extra });
  h.lab.pass(TIMINGS.pendingMs);
  expect(h.lab.stateOf(id)).toBe('running');
  return id;
}

/** Logs the harness's session into the instance and waits for the prompt. */
export async function loginTo(h: TerminalHarness, instanceId: string, user = 'ec2-user') {
  const machine = h.shells.instances.get(TEST_REGION, instanceId)!;
  const from = h.screen().length;
  const ended = h.shells.logins.start(machine, machine.user(user)!, h.session);
  await h.waitFor(/[$#] $/, from);
  return ended;
}

export function newVolume(h: TerminalHarness, sizeGiB = 10): string {
  const volumeId = h.lab.ec2('CreateVolume', { AvailabilityZone: ZONE, Size: sizeGiB }).VolumeId!;
  h.lab.pass(VOLUME_TIMINGS.creatingMs);
  return volumeId;
}

export function attach(h: TerminalHarness, volumeId: string, instanceId: string, device = '/dev/sdf'): void {
  h.lab.ec2('AttachVolume', { VolumeId: volumeId, InstanceId: instanceId, Device: device });
  h.lab.pass(VOLUME_TIMINGS.attachingMs);
}

export function detach(h: TerminalHarness, volumeId: string): void {
  h.lab.ec2('DetachVolume', { VolumeId: volumeId });
  h.lab.pass(VOLUME_TIMINGS.detachingMs);
}

export async function stopAndStart(h: TerminalHarness, instanceId: string): Promise<void> {
  h.lab.ec2('StopInstances', { InstanceIds: [instanceId] });
  h.lab.pass(TIMINGS.stoppingMs);
  expect(h.lab.stateOf(instanceId)).toBe('stopped');
  h.lab.ec2('StartInstances', { InstanceIds: [instanceId] });
  h.lab.pass(TIMINGS.pendingMs);
  expect(h.lab.stateOf(instanceId)).toBe('running');
  // Let the session see the old login end.
  await new Promise((resolve) => setTimeout(resolve, 10));
}
