/**
 * The instance lifecycle as an explicit transition table.
 * EC2 User Guide: ec2-instance-lifecycle, Stop_Start, ec2-instance-reboot, terminating-instances.
 *
 * A request either begins a transition (into a transitional state that completes on the clock),
 * is a no-op that reports the current state (start of a running instance, stop of a stopped one),
 * or is refused with AWS's IncorrectInstanceState message.
 */
import { INSTANCE_STATE_CODES, type RequestAction } from '../../../shared/rules/instances';
import { errors, type Ec2Error } from '../errors';
import type { InstanceRecord, StateName } from './instance-record';

export type { RequestAction };

export type Outcome = { kind: 'begin'; to: StateName } | { kind: 'noop' } | { kind: 'reboot' } | { kind: 'refuse' };

const begin = (to: StateName): Outcome => ({ kind: 'begin', to });
const noop: Outcome = { kind: 'noop' };
const refuse: Outcome = { kind: 'refuse' };

export const TRANSITIONS: Record<RequestAction, Record<StateName, Outcome>> = {
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
export const COMPLETIONS: Partial<Record<StateName, StateName>> = {
  pending: 'running',
  stopping: 'stopped',
  'shutting-down': 'terminated',
};

/** Simulated durations, close to what a small Linux instance shows on AWS. */
export const TIMINGS = {
  pendingMs: 15_000,
  stoppingMs: 20_000,
  hibernatingMs: 40_000,
  shuttingDownMs: 20_000,
  rebootMs: 30_000,
  /** Status checks show "Initializing" for the first minutes after running. */
  statusChecksMs: 120_000,
  /** Terminated instances stay visible for about an hour. */
  terminatedVisibleMs: 60 * 60_000,
} as const;

export function transitionDuration(to: StateName, hibernate: boolean): number {
  switch (to) {
    case 'pending':
      return TIMINGS.pendingMs;
    case 'stopping':
      return hibernate ? TIMINGS.hibernatingMs : TIMINGS.stoppingMs;
    case 'shutting-down':
      return TIMINGS.shuttingDownMs;
    default:
      return 0;
  }
}

/** AWS's message for a refused request, by action and the instance's state. */
export function refusal(action: RequestAction, instance: InstanceRecord): Ec2Error {
  const id = instance.instanceId;
  switch (action) {
    case 'start':
      return errors.incorrectInstanceState(`The instance '${id}' is not in a state from which it can be started.`);
    case 'stop':
    case 'hibernate':
      if (instance.state === 'pending' && !instance.hasRun) {
        return errors.incorrectInstanceState(
          `Instance '${id}' cannot be stopped as it has never reached the 'running' state.`,
        );
      }
      return errors.incorrectInstanceState(`The instance '${id}' is not in a state from which it can be stopped.`);
    case 'reboot':
      return errors.incorrectInstanceState(`The instance '${id}' is not in a state from which it can be rebooted.`);
    case 'terminate':
      return errors.incorrectInstanceState(`The instance '${id}' is not in a state from which it can be terminated.`);
  }
}

export const STATE_CODES = INSTANCE_STATE_CODES;
