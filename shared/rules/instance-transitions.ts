/**
 * Which lifecycle request AWS allows from which state, written once for the engine (which carries
 * the requests out) and the console (which greys out what AWS would refuse). EC2 User Guide:
 * ec2-instance-lifecycle, Stop_Start, Hibernate, ec2-instance-reboot, terminating-instances,
 * ec2-stop-protection, Using_ChangingDisableAPITermination.
 *
 * A request either begins a transition (into a transitional state that completes on the clock),
 * reboots a running instance, is a no-op that reports the current state (start of a running
 * instance, stop of a stopped one), or is refused.
 */
import type { RequestAction, StateName } from './instances';

export type Outcome = { kind: 'begin'; to: StateName } | { kind: 'noop' } | { kind: 'reboot' } | { kind: 'refuse' };

const begin = (to: StateName): Outcome => ({ kind: 'begin', to });
const noop: Outcome = { kind: 'noop' };
const refuse: Outcome = { kind: 'refuse' };

export const TRANSITIONS: Readonly<Record<RequestAction, Readonly<Record<StateName, Outcome>>>> = {
  start: {
    pending: noop,
    running: noop,
    stopping: refuse,
    stopped: begin('pending'),
    'shutting-down': refuse,
    terminated: refuse,
  },
  stop: {
    pending: refuse,
    running: begin('stopping'),
    stopping: noop,
    stopped: noop,
    'shutting-down': refuse,
    terminated: refuse,
  },
  hibernate: {
    pending: refuse,
    running: begin('stopping'),
    stopping: noop,
    stopped: noop,
    'shutting-down': refuse,
    terminated: refuse,
  },
  reboot: {
    pending: refuse,
    running: { kind: 'reboot' },
    stopping: refuse,
    stopped: refuse,
    'shutting-down': refuse,
    terminated: refuse,
  },
  terminate: {
    pending: begin('shutting-down'),
    running: begin('shutting-down'),
    stopping: begin('shutting-down'),
    stopped: begin('shutting-down'),
    'shutting-down': noop,
    terminated: noop,
  },
};

/** Transitional states and where they lead when their time is up. */
export const COMPLETIONS: Readonly<Partial<Record<StateName, StateName>>> = {
  pending: 'running',
  stopping: 'stopped',
  'shutting-down': 'terminated',
};

/** What AWS checks of an instance before a lifecycle request. */
export interface LifecycleFacts {
  state: StateName;
  hibernationConfigured?: boolean;
  disableApiStop?: boolean;
  disableApiTermination?: boolean;
}

/**
 * Why AWS refuses a request, in the order it checks: termination protection and stop protection
 * (OperationNotPermitted), then the state (IncorrectInstanceState), then hibernation that was not
 * enabled at launch (UnsupportedHibernationConfiguration).
 */
export type Refusal = 'termination-protection' | 'stop-protection' | 'state' | 'hibernation-not-configured';

export function refusalOf(action: RequestAction, facts: LifecycleFacts): Refusal | undefined {
  const { state } = facts;
  // Termination protection blocks terminate; stop protection blocks stop, hibernate and terminate.
  if (action === 'terminate' && facts.disableApiTermination && state !== 'terminated') return 'termination-protection';
  const stopping = action === 'stop' || action === 'hibernate' || action === 'terminate';
  if (stopping && facts.disableApiStop && state !== 'terminated' && state !== 'stopped') return 'stop-protection';
  const outcome = TRANSITIONS[action][state];
  if (outcome.kind === 'refuse') return 'state';
  if (action === 'hibernate' && outcome.kind === 'begin' && !facts.hibernationConfigured) {
    return 'hibernation-not-configured';
  }
  return undefined;
}
