/**
 * Start, stop, hibernate, reboot and terminate requests, and the clock-driven completion of the
 * transitions they begin. EC2 User Guide: ec2-instance-lifecycle, Stop_Start, Hibernate,
 * terminating-instances, ec2-stop-protection, Using_ChangingDisableAPITermination.
 */
import type { InstanceStateChange } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors, type Ec2Error } from '../errors';
import { refusalOf, type Refusal } from '../../../shared/rules/instance-transitions';
import { releaseInterfacesOf } from '../network-interfaces/primary-interface';
import { autoAssignPublicIp, releasePublicIp } from '../network-interfaces/public-addresses';
import { changeContents, dropContents } from '../volumes/disk-contents';
import { releaseVolumesOf } from '../volumes/root-volume';
import { INSTANCES, type InstanceRecord, type StateName } from './instance-record';
import { instanceState } from './instance-view';
import { COMPLETIONS, TIMINGS, TRANSITIONS, refusal, transitionDuration, type RequestAction } from './lifecycle';
import { findInstances } from './find-instances';
import { dueSchedule } from '../due-times';

export function requestStateChange(
  ctx: EngineContext,
  region: string,
  instanceIds: readonly string[] | undefined,
  action: RequestAction,
): InstanceStateChange[] {
  const instances = findInstances(ctx, region, instanceIds);
  // Every instance is checked before any changes, so one refusal leaves all of them as they were.
  const plans = instances.map((instance) => {
    const refused = refusalOf(action, instance);
    if (refused) throw refusalError(action, instance, refused);
    return { instance, outcome: TRANSITIONS[action][instance.state] };
  });

  const now = ctx.clock.now();
  return plans.map(({ instance, outcome }) => {
    const previous = instanceState(instance);
    if (outcome.kind === 'begin') begin(ctx, instance.instanceId, outcome.to, action, now);
    if (outcome.kind === 'reboot') reboot(ctx, instance.instanceId, now);
    return { InstanceId: instance.instanceId, PreviousState: previous, CurrentState: instanceState(instance) };
  });
}

/** AWS's error for a refusal the shared rule found (protection first, then state, then hibernation). */
function refusalError(action: RequestAction, instance: InstanceRecord, refused: Refusal): Ec2Error {
  const id = instance.instanceId;
  switch (refused) {
    case 'termination-protection':
      return errors.operationNotPermitted(
        `The instance '${id}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`,
      );
    case 'stop-protection':
      return errors.operationNotPermitted(
        `The instance '${id}' may not be ${action === 'terminate' ? 'terminated' : 'stopped'}. Modify its 'disableApiStop' instance attribute and try again.`,
      );
    case 'state':
      return refusal(action, instance);
    case 'hibernation-not-configured':
      return errors.unsupportedHibernation(
        `The instance '${id}' is not enabled for hibernation. Hibernation must be enabled when the instance is launched.`,
      );
  }
}

function userInitiated(now: number): string {
  const stamp = new Date(now).toISOString().replace('T', ' ').slice(0, 19);
  return `User initiated (${stamp} GMT)`;
}

function begin(ctx: EngineContext, id: string, to: StateName, action: RequestAction, now: number): void {
  const instance = ctx.records(INSTANCES).touch(id);
  const hibernate = action === 'hibernate';
  instance.state = to;
  instance.transitionDueAt = now + transitionDuration(to, hibernate);
  instance.lastAction = { action, at: now };
  instance.rebootingUntil = undefined;
  instance.statusChecksPassAt = undefined;
  if (to === 'pending') {
    instance.launchTime = now;
    instance.stateTransitionReason = '';
    instance.stateReason = undefined;
    // A new auto-assigned public IPv4 address on start, unless an Elastic IP holds the place or a
    // second interface is attached (EC2 User Guide: using-instance-addressing).
    const primary = instance.networkInterfaceIds[0];
    if (primary) autoAssignPublicIp(ctx, primary);
  } else {
    instance.stateTransitionReason = userInitiated(now);
    instance.stateReason = hibernate
      ? { Code: 'Client.UserInitiatedHibernate', Message: 'Client.UserInitiatedHibernate: User initiated hibernate' }
      : { Code: 'Client.UserInitiatedShutdown', Message: 'Client.UserInitiatedShutdown: User initiated shutdown' };
    instance.hibernated = hibernate;
  }
  ctx.changed(instance.region, 'instance', id);
}

/** A reboot keeps the instance running; only the OS restarts (RAM is lost, nothing else). */
function reboot(ctx: EngineContext, id: string, now: number): void {
  const instance = ctx.records(INSTANCES).touch(id);
  instance.rebootingUntil = now + TIMINGS.rebootMs;
  instance.lastAction = { action: 'reboot', at: now };
  ctx.changed(instance.region, 'instance', id);
}

/** The next moment something happens to this instance on its own, if anything. */
function nextDue(instance: InstanceRecord): number | undefined {
  let due: number | undefined;
  for (const at of [
    instance.transitionDueAt,
    instance.statusChecksPassAt,
    instance.rebootingUntil,
    instance.removeAt,
  ]) {
    if (at !== undefined && (due === undefined || at < due)) due = at;
  }
  return due;
}

/**
 * Applies everything that fell due up to `now`, each at its own moment. Settling one instance
 * never touches another, so each is brought up to date on its own, in its own time order. Only
 * the instances due now are read (the schedule follows every change to an instance).
 */
export function advanceInstances(ctx: EngineContext, now: number): void {
  const instances = ctx.records(INSTANCES);
  for (const id of dueSchedule(instances, nextDue).dueBy(now)) {
    for (;;) {
      const instance = instances.get(id);
      const at = instance && nextDue(instance);
      if (at === undefined || at > now) break;
      settle(ctx, id, at);
    }
  }
}

function settle(ctx: EngineContext, id: string, at: number): void {
  const instances = ctx.records(INSTANCES);
  const instance = instances.touch(id);
  ctx.changed(instance.region, 'instance', id);
  if (instance.removeAt !== undefined && instance.removeAt <= at) {
    instances.delete(id);
    return;
  }
  if (instance.rebootingUntil !== undefined && instance.rebootingUntil <= at) {
    instance.rebootingUntil = undefined;
    return;
  }
  if (instance.statusChecksPassAt !== undefined && instance.statusChecksPassAt <= at) {
    instance.statusChecksPassAt = undefined;
    return;
  }
  const to = COMPLETIONS[instance.state];
  if (instance.transitionDueAt === undefined || !to) return;
  instance.state = to;
  instance.transitionDueAt = undefined;
  if (to === 'running') {
    instance.hasRun = true;
    instance.hibernated = false;
    instance.statusChecksPassAt = at + TIMINGS.statusChecksMs;
  } else if (to === 'stopped') {
    // An auto-assigned public IPv4 address is released on stop and hibernate; an Elastic IP stays
    // (EC2 User Guide: using-instance-addressing).
    for (const eni of instance.networkInterfaceIds) releasePublicIp(ctx, eni);
    // Instance-store data is lost on stop and hibernate (EC2 User Guide: InstanceStorage, "Instance store lifetime").
    for (const disk of instance.instanceStore ?? [])
      changeContents(ctx, disk.diskId, instance.region, (fs) => fs.wipe());
  } else if (to === 'terminated') {
    // Interfaces and volumes marked DeleteOnTermination go with the instance (EC2 User Guide: terminating-instances).
    releaseInterfacesOf(ctx, instance.networkInterfaceIds);
    releaseVolumesOf(
      ctx,
      instance.blockDevices.map((d) => d.volumeId),
    );
    for (const disk of instance.instanceStore ?? []) dropContents(ctx, disk.diskId);
    instance.removeAt = at + TIMINGS.terminatedVisibleMs;
  }
}

/** Status checks pass once the instance has been running for a few minutes (EC2 User Guide: monitoring-system-instance-status-check). */
export function statusChecksPassed(instance: InstanceRecord): boolean {
  return instance.state === 'running' && instance.statusChecksPassAt === undefined;
}
