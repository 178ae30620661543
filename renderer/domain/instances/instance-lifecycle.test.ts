// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Instance, InstanceStateName } from '@aws-sdk/client-ec2';
import { INSTANCE_STATE_CODES } from '../../../shared/rules/instances';
import { actionBehind, summarizeStatusChecks } from './instance-lifecycle';

/** An instance as DescribeInstances answers it, reduced to what these helpers read. */
function instance(id: string, state: InstanceStateName, extra: Partial<Instance> = {}): Instance {
  return { InstanceId: id, State: { Name: state, Code: INSTANCE_STATE_CODES[state] }, ...extra };
}

describe('instance lifecycle helpers', () => {
  it('keeps a recorded action while it explains the state', () => {
    expect(actionBehind('stop', 'stopping', instance('i-1', 'stopped'))).toBe('stop');
    expect(actionBehind('hibernate', 'running', instance('i-1', 'stopping'))).toBe('hibernate');
    expect(actionBehind('start', 'pending', instance('i-1', 'running'))).toBe('start');
    expect(actionBehind('reboot', 'running', instance('i-1', 'running'))).toBe('reboot');
  });

  it('infers the action behind a change made elsewhere (the CLI, an OS shutdown)', () => {
    expect(actionBehind(undefined, undefined, instance('i-1', 'pending'))).toBe('launch');
    expect(actionBehind('stop', 'stopped', instance('i-1', 'pending'))).toBe('start');
    expect(actionBehind('launch', 'running', instance('i-1', 'stopping'))).toBe('stop');
    expect(
      actionBehind(
        undefined,
        'running',
        instance('i-1', 'stopping', { StateReason: { Code: 'Client.UserInitiatedHibernate' } }),
      ),
    ).toBe('hibernate');
    expect(actionBehind('start', 'running', instance('i-1', 'shutting-down'))).toBe('terminate');
    expect(actionBehind(undefined, 'running', instance('i-1', 'running'))).toBeUndefined();
  });

  it('summarizes status checks as the Status check column does', () => {
    const running = instance('i-1', 'running');
    expect(summarizeStatusChecks(instance('i-1', 'stopped'), undefined)).toEqual({ kind: 'none' });
    expect(summarizeStatusChecks(running, undefined)).toEqual({ kind: 'none' });
    expect(
      summarizeStatusChecks(running, {
        SystemStatus: { Status: 'initializing' },
        InstanceStatus: { Status: 'initializing' },
      }),
    ).toEqual({ kind: 'initializing' });
    expect(
      summarizeStatusChecks(running, { SystemStatus: { Status: 'ok' }, InstanceStatus: { Status: 'ok' } }),
    ).toEqual({
      kind: 'checked',
      passed: 2,
      total: 2,
    });
    expect(
      summarizeStatusChecks(running, { SystemStatus: { Status: 'ok' }, InstanceStatus: { Status: 'impaired' } }),
    ).toEqual({
      kind: 'checked',
      passed: 1,
      total: 2,
    });
  });
});
