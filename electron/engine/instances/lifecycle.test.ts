/**
 * The instance lifecycle as a learner lives it, on the simulation clock: launch, stop and start
 * (addresses and launch time), termination and how long it stays listed, reboot, all-or-nothing
 * requests, clock jumps and speed. Every (request × state) cell is pinned in transition-table.test.ts.
 * EC2 User Guide: ec2-instance-lifecycle, Stop_Start, terminating-instances, ec2-instance-reboot.
 */
import { describe, expect, it } from 'vitest';
import { createTestLab, quickStartImage } from '../test-support/test-lab';
import { TIMINGS } from './lifecycle';

describe('instance lifecycle on the simulation clock', () => {
  it('launches into pending, then running, with status checks initializing then passed', () => {
    const lab = createTestLab();
    const reservation = lab.ec2('RunInstances', {
      ImageId: quickStartImage('amazon-linux'),
      InstanceType: 't3.micro',
      MinCount: 1,
      MaxCount: 1,
    });
    const instance = reservation.Instances![0]!;
    expect(instance.InstanceId).toMatch(/^i-[0-9a-f]{17}$/);
    expect(reservation.ReservationId).toMatch(/^r-[0-9a-f]{17}$/);
    // RunInstances, and only RunInstances, says why the new instance is pending.
    expect(instance.StateReason).toEqual({ Code: 'pending', Message: 'pending' });
    expect(
      lab.ec2('DescribeInstances', { InstanceIds: [instance.InstanceId!] }).Reservations![0]!.Instances![0]!
        .StateReason,
    ).toBeUndefined();
    expect(instance.State).toEqual({ Code: 0, Name: 'pending' });
    expect(instance.PrivateIpAddress).toMatch(/^172\.31\./);

    lab.pass(TIMINGS.pendingMs - 1000);
    expect(lab.stateOf(instance.InstanceId!)).toBe('pending');
    lab.pass(1000);
    expect(lab.stateOf(instance.InstanceId!)).toBe('running');

    const status = () =>
      lab.ec2('DescribeInstanceStatus', { InstanceIds: [instance.InstanceId!] }).InstanceStatuses![0]!;
    expect(status().InstanceStatus!.Status).toBe('initializing');
    lab.pass(TIMINGS.statusChecksMs);
    expect(status().InstanceStatus!.Status).toBe('ok');
    expect(status().SystemStatus!.Details).toEqual([{ Name: 'reachability', Status: 'passed' }]);
  });

  it('stops and starts: the public IP changes, the private IP stays, LaunchTime moves', () => {
    const lab = createTestLab();
    const id = lab.launch();
    lab.pass(TIMINGS.pendingMs);
    const before = lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!;
    expect(before.PublicIpAddress).toBeDefined();

    const stop = lab.ec2('StopInstances', { InstanceIds: [id] }).StoppingInstances![0]!;
    expect(stop.PreviousState).toEqual({ Code: 16, Name: 'running' });
    expect(stop.CurrentState).toEqual({ Code: 64, Name: 'stopping' });
    lab.pass(TIMINGS.stoppingMs);
    const stopped = lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!;
    expect(stopped.State!.Name).toBe('stopped');
    expect(stopped.PublicIpAddress).toBeUndefined();
    expect(stopped.StateReason?.Code).toBe('Client.UserInitiatedShutdown');
    expect(stopped.StateTransitionReason).toMatch(/^User initiated \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d GMT\)$/);

    lab.pass(60_000);
    const start = lab.ec2('StartInstances', { InstanceIds: [id] }).StartingInstances![0]!;
    expect(start.CurrentState!.Name).toBe('pending');
    lab.pass(TIMINGS.pendingMs);
    const after = lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!;
    expect(after.State!.Name).toBe('running');
    expect(after.PrivateIpAddress).toBe(before.PrivateIpAddress);
    expect(after.PublicIpAddress).toBeDefined();
    expect(after.PublicIpAddress).not.toBe(before.PublicIpAddress);
    expect(after.LaunchTime!.getTime()).toBeGreaterThan(before.LaunchTime!.getTime());
  });

  it('answers start of a running and stop of a stopped instance as no-ops', () => {
    const lab = createTestLab();
    const id = lab.launch();
    lab.pass(TIMINGS.pendingMs);
    const start = lab.ec2('StartInstances', { InstanceIds: [id] }).StartingInstances![0]!;
    expect([start.PreviousState!.Name, start.CurrentState!.Name]).toEqual(['running', 'running']);
    lab.ec2('StopInstances', { InstanceIds: [id] });
    lab.pass(TIMINGS.stoppingMs);
    const stop = lab.ec2('StopInstances', { InstanceIds: [id] }).StoppingInstances![0]!;
    expect([stop.PreviousState!.Name, stop.CurrentState!.Name]).toEqual(['stopped', 'stopped']);
  });

  it('refuses to stop an instance that never reached running, with AWS message', () => {
    const lab = createTestLab();
    const id = lab.launch();
    expect(lab.ec2Error('StopInstances', { InstanceIds: [id] })).toEqual({
      code: 'IncorrectInstanceState',
      message: `Instance '${id}' cannot be stopped as it has never reached the 'running' state.`,
    });
  });

  it('terminates through shutting-down, lingers about an hour, then vanishes', () => {
    const lab = createTestLab();
    const id = lab.launch();
    lab.pass(TIMINGS.pendingMs);
    const change = lab.ec2('TerminateInstances', { InstanceIds: [id] }).TerminatingInstances![0]!;
    expect(change.CurrentState).toEqual({ Code: 32, Name: 'shutting-down' });
    lab.pass(TIMINGS.shuttingDownMs);
    expect(lab.stateOf(id)).toBe('terminated');
    const terminated = lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!;
    expect(terminated.PublicIpAddress).toBeUndefined();
    expect(terminated.PrivateIpAddress).toBeUndefined();

    expect(lab.ec2Error('StartInstances', { InstanceIds: [id] })).toEqual({
      code: 'IncorrectInstanceState',
      message: `The instance '${id}' is not in a state from which it can be started.`,
    });
    expect(lab.ec2Error('StopInstances', { InstanceIds: [id] }).message).toBe(
      `The instance '${id}' is not in a state from which it can be stopped.`,
    );
    const again = lab.ec2('TerminateInstances', { InstanceIds: [id] }).TerminatingInstances![0]!;
    expect(again.CurrentState!.Name).toBe('terminated');

    lab.pass(TIMINGS.terminatedVisibleMs - 1000);
    expect(lab.stateOf(id)).toBe('terminated');
    lab.pass(1000);
    expect(lab.ec2Error('DescribeInstances', { InstanceIds: [id] })).toEqual({
      code: 'InvalidInstanceID.NotFound',
      message: `The instance ID '${id}' does not exist`,
    });
  });

  it('can terminate a pending or a stopping instance', () => {
    const lab = createTestLab();
    const pending = lab.launch();
    expect(lab.ec2('TerminateInstances', { InstanceIds: [pending] }).TerminatingInstances![0]!.CurrentState!.Name).toBe(
      'shutting-down',
    );
    const other = lab.launch();
    lab.pass(TIMINGS.pendingMs);
    lab.ec2('StopInstances', { InstanceIds: [other] });
    expect(lab.ec2('TerminateInstances', { InstanceIds: [other] }).TerminatingInstances![0]!.PreviousState!.Name).toBe(
      'stopping',
    );
  });

  it('reboots a running instance without leaving running, and refuses a stopped one', () => {
    const lab = createTestLab();
    const id = lab.launch();
    lab.pass(TIMINGS.pendingMs);
    expect(lab.ec2('RebootInstances', { InstanceIds: [id] })).toEqual({});
    expect(lab.stateOf(id)).toBe('running');
    lab.ec2('StopInstances', { InstanceIds: [id] });
    lab.pass(TIMINGS.stoppingMs);
    expect(lab.ec2Error('RebootInstances', { InstanceIds: [id] }).code).toBe('IncorrectInstanceState');
  });

  it('checks every instance before changing any: one refusal leaves all as they were', () => {
    const lab = createTestLab();
    const running = lab.launch();
    lab.pass(TIMINGS.pendingMs);
    const pending = lab.launch();
    expect(lab.ec2Error('StopInstances', { InstanceIds: [running, pending] }).code).toBe('IncorrectInstanceState');
    expect(lab.stateOf(running)).toBe('running');
  });

  it('applies transitions that fell due while the clock jumped, in order', () => {
    const lab = createTestLab();
    const id = lab.launch();
    lab.lab('AdvanceClock', { milliseconds: TIMINGS.pendingMs });
    expect(lab.stateOf(id)).toBe('running');
    lab.ec2('TerminateInstances', { InstanceIds: [id] });
    lab.lab('AdvanceClock', { milliseconds: 2 * 60 * 60_000 });
    expect(lab.ec2('DescribeInstances', {}).Reservations).toEqual([]);
  });

  it('runs at the chosen speed and stands still when paused', () => {
    const lab = createTestLab();
    const id = lab.launch();
    lab.lab('SetClockSpeed', { speed: 0 });
    lab.pass(10 * 60_000);
    expect(lab.stateOf(id)).toBe('pending');
    lab.lab('SetClockSpeed', { speed: 60 });
    lab.pass(TIMINGS.pendingMs / 60);
    expect(lab.stateOf(id)).toBe('running');
  });
});
