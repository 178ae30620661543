/**
 * Lifecycle facts the console needs (EC2 User Guide: ec2-instance-lifecycle): which actions the
 * Instance state menu offers for a selection and why it greys the others out, and which user action a transition most likely came from.
 */
import type { Instance, InstanceStateName, InstanceStatus } from '@aws-sdk/client-ec2';

import {
  INSTANCE_STATES,
  TRANSITIONAL_STATES,
  type LifecycleAction,
  type RequestAction,
} from '../../../shared/rules/instances';
import { refusalOf, TRANSITIONS, type LifecycleFacts, type Refusal } from '../../../shared/rules/instance-transitions';

export { INSTANCE_STATES, TRANSITIONAL_STATES, type LifecycleAction };
export type MenuAction = RequestAction;

/** The actions the console confirms in a dialog first; Start runs at once. */
export type ConfirmedAction = Exclude<MenuAction, 'start'>;

/** The instance settings the console has read that AWS checks before a request (DescribeInstanceAttribute). */
export interface ProtectionSettings {
  disableApiStop?: boolean;
  disableApiTermination?: boolean;
}

/** Why a menu item is greyed out: AWS's refusal (the shared rule), or a request that would change nothing. */
export type UnavailableReason = Refusal | 'unchanged';

export type MenuAvailability =
  | { available: true }
  | { available: false; reason: UnavailableReason; instanceId: string; state: InstanceStateName }
  | { available: false; reason: 'nothing-selected' };

function factsOf(instance: Instance, settings: ProtectionSettings | undefined): LifecycleFacts | undefined {
  const state = instance.State?.Name;
  if (!state) return undefined;
  return {
    state,
    hibernationConfigured: instance.HibernationOptions?.Configured ?? false,
    disableApiStop: settings?.disableApiStop,
    disableApiTermination: settings?.disableApiTermination,
  };
}

/**
 * Whether the Instance state menu offers `action` for the selection, by the same rule the engine
 * applies (shared/rules/instance-transitions.ts). AWS takes a request for several instances as a
 * whole, so one refused instance greys the item out; a request that changes none of them (stop of a
 * stopped instance) is greyed out as the console does.
 */
export function menuAvailability(
  action: MenuAction,
  selection: readonly Instance[],
  settings: Readonly<Record<string, ProtectionSettings>> = {},
): MenuAvailability {
  let unchanged: MenuAvailability | undefined;
  let changes = false;
  for (const instance of selection) {
    const id = instance.InstanceId ?? '';
    const facts = factsOf(instance, settings[id]);
    if (!facts) continue;
    const refused = refusalOf(action, facts);
    if (refused) return { available: false, reason: refused, instanceId: id, state: facts.state };
    if (TRANSITIONS[action][facts.state].kind === 'noop') {
      unchanged ??= { available: false, reason: 'unchanged', instanceId: id, state: facts.state };
    } else changes = true;
  }
  if (changes) return { available: true };
  return unchanged ?? { available: false, reason: 'nothing-selected' };
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
