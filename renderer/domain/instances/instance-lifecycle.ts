/**
 * Lifecycle facts the console needs (EC2 User Guide: ec2-instance-lifecycle): which actions a state
 * allows in the Instance state menu, and which user action a transition most likely came from.
 */
import type { Instance, InstanceStateName, InstanceStatus } from '@aws-sdk/client-ec2';

import {
  INSTANCE_STATES,
  TRANSITIONAL_STATES,
  type LifecycleAction,
  type RequestAction,
} from '../../../shared/rules/instances';

export { INSTANCE_STATES, TRANSITIONAL_STATES, type LifecycleAction };
export type MenuAction = RequestAction;

/** The actions the console confirms in a dialog first; Start runs at once. */
export type ConfirmedAction = Exclude<MenuAction, 'start'>;

/**
 * States in which a menu item is offered. Transitional states stay enabled where AWS answers with a
 * teaching error (stop a pending instance → IncorrectInstanceState), as the console lets you try.
 */
const OFFERED_IN: Record<MenuAction, readonly InstanceStateName[]> = {
  stop: ['pending', 'running', 'stopping'],
  hibernate: ['pending', 'running'],
  start: ['stopped', 'stopping'],
  reboot: ['pending', 'running', 'stopped'],
  terminate: ['pending', 'running', 'stopping', 'stopped'],
};

export function isActionOffered(action: MenuAction, states: readonly (InstanceStateName | undefined)[]): boolean {
  return states.some((state) => state !== undefined && OFFERED_IN[action].includes(state));
}

/** Whether a recorded action still explains the state an instance is in now. */
function explains(action: LifecycleAction, state: InstanceStateName): boolean {
  switch (action) {
    case 'launch':
    case 'start':
      return state === 'pending' || state === 'running';
    case 'stop':
    case 'hibernate':
      return state === 'stopping' || state === 'stopped';
    case 'reboot':
      return state === 'running';
    case 'terminate':
      return state === 'shutting-down' || state === 'terminated';
    case 'shutdown':
      // A shutdown from inside the OS stops or terminates, by the instance's shutdown behavior.
      return state !== 'pending' && state !== 'running';
  }
}

/** The action behind a change from `previous` to the instance's state, or the recorded one if it still fits. */
export function actionBehind(
  recorded: LifecycleAction | undefined,
  previous: InstanceStateName | undefined,
  instance: Instance,
): LifecycleAction | undefined {
  const state = instance.State?.Name;
  if (!state) return recorded;
  if (recorded && explains(recorded, state)) return recorded;
  if (previous === state) return recorded;
  switch (state) {
    case 'pending':
      return previous === undefined ? 'launch' : 'start';
    case 'stopping':
    case 'stopped':
      return instance.StateReason?.Code === 'Client.UserInitiatedHibernate' ? 'hibernate' : 'stop';
    case 'shutting-down':
    case 'terminated':
      return 'terminate';
    default:
      return previous === 'stopped' || previous === 'stopping' ? 'start' : undefined;
  }
}

export type StatusCheckSummary =
  | { kind: 'none' }
  | { kind: 'initializing' }
  | { kind: 'insufficient-data' }
  | { kind: 'checked'; passed: number; total: number };

/** The console's Status check column: "Initializing", "2/2 checks passed", or "–" when not running. */
export function summarizeStatusChecks(instance: Instance, status: InstanceStatus | undefined): StatusCheckSummary {
  if (instance.State?.Name !== 'running' || !status) return { kind: 'none' };
  const checks = [status.SystemStatus?.Status, status.InstanceStatus?.Status];
  if (checks.some((check) => check === 'initializing' || check === undefined)) return { kind: 'initializing' };
  if (checks.some((check) => check === 'insufficient-data' || check === 'not-applicable')) {
    return { kind: 'insufficient-data' };
  }
  return { kind: 'checked', passed: checks.filter((check) => check === 'ok').length, total: checks.length };
}

export function instanceName(instance: Instance): string {
  return instance.Tags?.find((tag) => tag.Key === 'Name')?.Value ?? '';
}
