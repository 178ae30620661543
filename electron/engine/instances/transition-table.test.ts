/**
 * The instance transition table, pinned cell by cell through the engine's `dispatch`: every request
 * (start, stop, stop with hibernate, reboot, terminate) against an instance brought into every state,
 * and what the learner sees: the PreviousState / CurrentState answered, AWS's IncorrectInstanceState
 * code and text for a refusal, whether the console is told of a change, and what the state becomes
 * on the clock. The expected outcomes are written out below from AWS's documentation, not read from
 * lifecycle.ts, so changing any cell of the engine's table fails a test here.
 * EC2 User Guide: ec2-instance-lifecycle, Stop_Start, Hibernate, ec2-instance-reboot,
 * terminating-instances. EC2 API Reference: InstanceState (state codes).
 */
import type { InstanceStateChange } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import type { ApiCall, ApiResult } from '../../../shared/api';
import { createTestLab, TEST_REGION, type TestLab } from '../test-support/test-lab';
import { TIMINGS } from './lifecycle';

type Action = 'start' | 'stop' | 'hibernate' | 'reboot' | 'terminate';

/** The states a request can meet; a pending instance is two cases, as AWS's stop message tells them apart. */
type Before =
  'pending, never ran' | 'pending, ran before' | 'running' | 'stopping' | 'stopped' | 'shutting-down' | 'terminated';

type Expected =
  /** Answers PreviousState → CurrentState `to`, and `to` becomes `completes` after `afterMs`. */
  | {
      begins: 'pending' | 'stopping' | 'shutting-down';
      completes: 'running' | 'stopped' | 'terminated';
      afterMs: number;
    }
  /** Answers the state it found as both PreviousState and CurrentState; nothing changes. */
  | 'no change'
  /** Answers {}; the instance stays running while its OS restarts, and the console hears of it twice. */
  | 'reboots'
  /** IncorrectInstanceState with this text, `{id}` standing for the instance id; nothing changes. */
  | { refused: string };

const CANNOT_START = "The instance '{id}' is not in a state from which it can be started.";
const CANNOT_STOP = "The instance '{id}' is not in a state from which it can be stopped.";
const NEVER_RAN = "Instance '{id}' cannot be stopped as it has never reached the 'running' state.";
const CANNOT_REBOOT = "The instance '{id}' is not in a state from which it can be rebooted.";

const STARTS = { begins: 'pending', completes: 'running', afterMs: TIMINGS.pendingMs } as const;
const STOPS = { begins: 'stopping', completes: 'stopped', afterMs: TIMINGS.stoppingMs } as const;
const HIBERNATES = { begins: 'stopping', completes: 'stopped', afterMs: TIMINGS.hibernatingMs } as const;
const TERMINATES = { begins: 'shutting-down', completes: 'terminated', afterMs: TIMINGS.shuttingDownMs } as const;

const TABLE: Record<Action, Record<Before, Expected>> = {
  // Stop_Start: only a stopped instance starts (pending → running); starting one that is already
  // on its way or running answers its state; a stopping, shutting-down or terminated one cannot start.
  start: {
    'pending, never ran': 'no change',
    'pending, ran before': 'no change',
    running: 'no change',
    stopping: { refused: CANNOT_START },
    stopped: STARTS,
    'shutting-down': { refused: CANNOT_START },
    terminated: { refused: CANNOT_START },
  },
  // Stop_Start: a running instance stops (stopping → stopped); stopping a stopping or stopped one
  // answers its state; a pending one cannot be stopped, with AWS's own text when it never ran.
  stop: {
    'pending, never ran': { refused: NEVER_RAN },
    'pending, ran before': { refused: CANNOT_STOP },
    running: STOPS,
    stopping: 'no change',
    stopped: 'no change',
    'shutting-down': { refused: CANNOT_STOP },
    terminated: { refused: CANNOT_STOP },
  },
  // Hibernate: as stop, but saving RAM takes longer in stopping.
  hibernate: {
    'pending, never ran': { refused: NEVER_RAN },
    'pending, ran before': { refused: CANNOT_STOP },
    running: HIBERNATES,
    stopping: 'no change',
    stopped: 'no change',
    'shutting-down': { refused: CANNOT_STOP },
    terminated: { refused: CANNOT_STOP },
  },
  // ec2-instance-reboot: only a running instance reboots, and it stays running.
  reboot: {
    'pending, never ran': { refused: CANNOT_REBOOT },
    'pending, ran before': { refused: CANNOT_REBOOT },
    running: 'reboots',
    stopping: { refused: CANNOT_REBOOT },
    stopped: { refused: CANNOT_REBOOT },
    'shutting-down': { refused: CANNOT_REBOOT },
    terminated: { refused: CANNOT_REBOOT },
  },
  // terminating-instances: any instance can be terminated (shutting-down → terminated); terminating
  // one already on its way or gone answers its state.
  terminate: {
    'pending, never ran': TERMINATES,
    'pending, ran before': TERMINATES,
    running: TERMINATES,
    stopping: TERMINATES,
    stopped: TERMINATES,
    'shutting-down': 'no change',
    terminated: 'no change',
  },
};

/** EC2 API Reference: InstanceState — the low byte of Code. */
const CODES = { pending: 0, running: 16, 'shutting-down': 32, terminated: 48, stopping: 64, stopped: 80 } as const;
type StateName = keyof typeof CODES;

/** How long a transitional state has already lasted when the request comes (so a restart of it shows). */
const ELAPSED_MS = 5_000;

/** The state each case starts in, and (for a transitional one) the state it completes to and when. */
const BEFORE: Record<Before, { state: StateName; completes?: StateName; remainingMs?: number }> = {
  'pending, never ran': { state: 'pending', completes: 'running', remainingMs: TIMINGS.pendingMs - ELAPSED_MS },
  'pending, ran before': { state: 'pending', completes: 'running', remainingMs: TIMINGS.pendingMs - ELAPSED_MS },
  running: { state: 'running' },
  stopping: { state: 'stopping', completes: 'stopped', remainingMs: TIMINGS.stoppingMs - ELAPSED_MS },
  stopped: { state: 'stopped' },
  'shutting-down': {
    state: 'shutting-down',
    completes: 'terminated',
    remainingMs: TIMINGS.shuttingDownMs - ELAPSED_MS,
  },
  terminated: { state: 'terminated' },
};

/** A launch that can hibernate: hibernation enabled, and an encrypted root with room for the RAM. */
const HIBERNATION = {
  HibernationOptions: { Configured: true },
  BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 10, Encrypted: true } }],
};

function call(lab: TestLab, action: Action, id: string): ApiResult {
  const InstanceIds = [id];
  const calls: Record<Action, ApiCall> = {
    start: { service: 'ec2', region: TEST_REGION, operation: 'StartInstances', input: { InstanceIds } },
    stop: { service: 'ec2', region: TEST_REGION, operation: 'StopInstances', input: { InstanceIds } },
    hibernate: {
      service: 'ec2',
      region: TEST_REGION,
      operation: 'StopInstances',
      input: { InstanceIds, Hibernate: true },
    },
    reboot: { service: 'ec2', region: TEST_REGION, operation: 'RebootInstances', input: { InstanceIds } },
    terminate: { service: 'ec2', region: TEST_REGION, operation: 'TerminateInstances', input: { InstanceIds } },
  };
  return lab.engine.dispatch(calls[action]);
}

/** The state change a Start/Stop/TerminateInstances answer reports for the one instance asked about. */
function answeredChange(action: Action, value: unknown): InstanceStateChange | undefined {
  const key = {
    start: 'StartingInstances',
    stop: 'StoppingInstances',
    hibernate: 'StoppingInstances',
    terminate: 'TerminatingInstances',
    reboot: undefined,
  }[action];
  if (!key) return undefined;
  const changes = (value as Record<string, InstanceStateChange[]>)[key];
  expect(changes).toHaveLength(1);
  return changes![0];
}

const state = (name: StateName) => ({ Code: CODES[name], Name: name });

/** Launches an instance and brings it into `before` through the API and the clock only. */
function bring(lab: TestLab, before: Before, hibernation: boolean): string {
  const id = lab.launch(hibernation ? HIBERNATION : {});
  const toRunning = () => lab.pass(TIMINGS.pendingMs);
  const toStopped = () => {
    toRunning();
    lab.ec2('StopInstances', { InstanceIds: [id] });
    lab.pass(TIMINGS.stoppingMs);
  };
  switch (before) {
    case 'pending, never ran':
      lab.pass(ELAPSED_MS);
      break;
    case 'pending, ran before':
      toStopped();
      lab.ec2('StartInstances', { InstanceIds: [id] });
      lab.pass(ELAPSED_MS);
      break;
    case 'running':
      toRunning();
      break;
    case 'stopping':
      toRunning();
      lab.ec2('StopInstances', { InstanceIds: [id] });
      lab.pass(ELAPSED_MS);
      break;
    case 'stopped':
      toStopped();
      break;
    case 'shutting-down':
      toRunning();
      lab.ec2('TerminateInstances', { InstanceIds: [id] });
      lab.pass(ELAPSED_MS);
      break;
    case 'terminated':
      toRunning();
      lab.ec2('TerminateInstances', { InstanceIds: [id] });
      lab.pass(TIMINGS.shuttingDownMs);
      break;
  }
  expect(lab.stateOf(id)).toBe(BEFORE[before].state);
  return id;
}

/** Counts the engine's "this instance changed" events, which make the console look again. */
function watchChanges(lab: TestLab, id: string): { count(): number } {
  let seen = 0;
  lab.engine.onEvent((event) => {
    if (event.type === 'resources-changed' && event.resource === 'instance' && event.ids.includes(id)) seen++;
  });
  return {
    count() {
      const now = seen;
      seen = 0;
      return now;
    },
  };
}

/** The state holds until just before `afterMs` from now and becomes `completes` at `afterMs`. */
function expectCompletion(lab: TestLab, id: string, holding: StateName, completes: StateName, afterMs: number): void {
  lab.pass(afterMs - 1);
  expect(lab.stateOf(id), `${holding} 1 ms before ${afterMs} ms`).toBe(holding);
  lab.pass(1);
  expect(lab.stateOf(id), `${holding} after ${afterMs} ms`).toBe(completes);
}

function describeExpected(expected: Expected): string {
  if (expected === 'no change' || expected === 'reboots') return expected;
  if ('refused' in expected) return `refused: ${expected.refused}`;
  return `begins ${expected.begins}, ${expected.completes} after ${expected.afterMs} ms`;
}

const CELLS = (Object.keys(TABLE) as Action[]).flatMap((action) =>
  (Object.keys(TABLE[action]) as Before[]).map((before) => ({ action, before, expected: TABLE[action][before] })),
);

describe('every request against every state, through dispatch', () => {
  it.each(CELLS.map((cell) => [cell.action, cell.before, describeExpected(cell.expected), cell] as const))(
    '%s of an instance %s: %s',
    (action, before, _label, { expected }) => {
      const lab = createTestLab();
      const id = bring(lab, before, action === 'hibernate');
      const { state: found, completes, remainingMs } = BEFORE[before];
      const changes = watchChanges(lab, id);
      const result = call(lab, action, id);

      if (expected !== 'no change' && expected !== 'reboots' && 'refused' in expected) {
        expect(result).toEqual({
          ok: false,
          error: { code: 'IncorrectInstanceState', message: expected.refused.replace('{id}', id) },
        });
        expect(changes.count(), 'a refusal tells the console of no change').toBe(0);
        expect(lab.stateOf(id)).toBe(found);
        if (completes) expectCompletion(lab, id, found, completes, remainingMs!);
        return;
      }

      if (!result.ok) throw new Error(`expected ${describeExpected(expected)}, got ${JSON.stringify(result.error)}`);

      if (expected === 'reboots') {
        expect(result.value).toEqual({});
        expect(changes.count(), 'the console hears that the reboot began').toBe(1);
        lab.pass(TIMINGS.rebootMs - 1);
        expect(changes.count(), 'nothing more until the OS is back').toBe(0);
        expect(lab.stateOf(id)).toBe('running');
        lab.pass(1);
        expect(changes.count(), 'the console hears that the reboot finished').toBe(1);
        expect(lab.stateOf(id)).toBe('running');
        return;
      }

      if (expected === 'no change') {
        if (action !== 'reboot') {
          expect(answeredChange(action, result.value)).toEqual({
            InstanceId: id,
            PreviousState: state(found),
            CurrentState: state(found),
          });
        }
        expect(changes.count(), 'a no-op tells the console of no change').toBe(0);
        expect(lab.stateOf(id)).toBe(found);
        // A transition already under way keeps its own timing: the request did not restart it.
        if (completes) expectCompletion(lab, id, found, completes, remainingMs!);
        else {
          lab.pass(60_000);
          expect(lab.stateOf(id)).toBe(found);
        }
        return;
      }

      if (action !== 'reboot') {
        expect(answeredChange(action, result.value)).toEqual({
          InstanceId: id,
          PreviousState: state(found),
          CurrentState: state(expected.begins),
        });
      } else expect(result.value).toEqual({});
      expect(changes.count(), 'the console hears of the change').toBe(1);
      expect(lab.stateOf(id)).toBe(expected.begins);
      expectCompletion(lab, id, expected.begins, expected.completes, expected.afterMs);
    },
  );
});

describe('transitional states complete on the clock', () => {
  it('a launch is pending for 15 s, then running; the status checks pass 2 minutes later', () => {
    const lab = createTestLab();
    const id = lab.launch();
    expectCompletion(lab, id, 'pending', 'running', 15_000);
    const checks = () =>
      lab.ec2('DescribeInstanceStatus', { InstanceIds: [id] }).InstanceStatuses![0]!.InstanceStatus!.Status;
    lab.pass(120_000 - 1);
    expect(checks()).toBe('initializing');
    lab.pass(1);
    expect(checks()).toBe('ok');
  });

  it('stopping lasts 20 s, or 40 s when hibernating; shutting-down 20 s; a terminated instance is listed for an hour', () => {
    const lab = createTestLab();
    const plain = lab.launch();
    const hibernating = lab.launch(HIBERNATION);
    lab.pass(15_000);
    lab.ec2('StopInstances', { InstanceIds: [plain] });
    lab.ec2('StopInstances', { InstanceIds: [hibernating], Hibernate: true });
    expectCompletion(lab, plain, 'stopping', 'stopped', 20_000);
    expect(lab.stateOf(hibernating)).toBe('stopping');
    // Hibernating: 20 s gone, 20 s to go.
    expectCompletion(lab, hibernating, 'stopping', 'stopped', 20_000);

    lab.ec2('TerminateInstances', { InstanceIds: [plain] });
    expectCompletion(lab, plain, 'shutting-down', 'terminated', 20_000);
    lab.pass(60 * 60_000 - 1);
    expect(lab.stateOf(plain)).toBe('terminated');
    lab.pass(1);
    expect(lab.ec2Error('DescribeInstances', { InstanceIds: [plain] }).code).toBe('InvalidInstanceID.NotFound');
  });
});
