/**
 * The instance lifecycle's timings and AWS's refusal messages. The transition table itself lives in
 * shared/rules/instance-transitions.ts, so the console's Instance state menu offers exactly what this
 * engine allows. EC2 User Guide: ec2-instance-lifecycle, Stop_Start, ec2-instance-reboot,
 * terminating-instances.
 */
import { INSTANCE_STATE_CODES, type RequestAction } from '../../../shared/rules/instances';
import { COMPLETIONS, TRANSITIONS, type Outcome } from '../../../shared/rules/instance-transitions';
import { errors, type Ec2Error } from '../errors';
import type { InstanceRecord, StateName } from './instance-record';

export type { RequestAction };

export { TRANSITIONS, COMPLETIONS, type Outcome };

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
