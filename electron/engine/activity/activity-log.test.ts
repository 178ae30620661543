import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../shared/events';
import { TIMINGS } from '../instances/lifecycle';
import { createTestLab, quickStartImage } from '../test-support/test-lab';
import { MAX_ACTIVITY } from './activity-log';

describe('activity log', () => {
  it('logs changes and CLI calls with their caller, result and CLI command, newest first', () => {
    const lab = createTestLab();
    const events: EngineEvent[] = [];
    lab.engine.onEvent((e) => events.push(e));
    const id = lab.launch();
    lab.ec2('DescribeInstances', {}); // a console read: not logged
    lab.engine.dispatch({
      service: 'ec2',
      operation: 'DescribeInstances',
      region: 'ap-northeast-2',
      input: {},
      caller: 'cli',
    });
    lab.ec2Error('StopInstances', { InstanceIds: [id] }); // refused: still logged

    const { Events } = lab.lab('DescribeActivity', {});
    expect(Events.map((e) => [e.EventName, e.Caller, e.ErrorCode])).toEqual([
      ['StopInstances', 'console', 'IncorrectInstanceState'],
      ['DescribeInstances', 'cli', undefined],
      ['RunInstances', 'console', undefined],
    ]);
    const [stop, , run] = Events;
    expect(stop!.ResourceIds).toEqual([id]);
    expect(stop!.CliCommand).toBe(`aws ec2 stop-instances --region ap-northeast-2 --instance-ids ${id}`);
    expect(stop!.ErrorMessage).toContain("never reached the 'running' state");
    expect(run!.ResourceIds).toEqual([id]);
    expect(run!.ReadOnly).toBe(false);
    expect(run!.CliCommand).toContain(
      `aws ec2 run-instances --region ap-northeast-2 --image-id ${quickStartImage('amazon-linux')}`,
    );
    expect(events.filter((e) => e.type === 'activity').map((e) => e.type === 'activity' && e.event.EventName)).toEqual([
      'RunInstances',
      'DescribeInstances',
      'StopInstances',
    ]);
  });

  it('survives a restart and keeps only the newest events', () => {
    const lab = createTestLab();
    for (let i = 0; i < MAX_ACTIVITY + 5; i++) {
      lab.engine.dispatch({
        service: 'ec2',
        operation: 'DescribeRegions',
        region: 'ap-northeast-2',
        input: {},
        caller: 'sdk',
      });
    }
    const reopened = lab.reopen();
    const first = reopened.lab('DescribeActivity', { MaxResults: 100 });
    expect(first.Events).toHaveLength(100);
    expect(first.NextToken).toBeDefined();
    let total = 0;
    let token: string | undefined;
    do {
      const page = reopened.lab('DescribeActivity', { MaxResults: 100, NextToken: token });
      total += page.Events.length;
      token = page.NextToken;
    } while (token);
    expect(total).toBe(MAX_ACTIVITY);
  });

  it('stores bytes as text, so a ModifyInstanceAttribute from the SDK is logged', () => {
    const lab = createTestLab();
    const id = lab.launch();
    lab.pass(TIMINGS.pendingMs);
    lab.ec2('StopInstances', { InstanceIds: [id] });
    lab.pass(TIMINGS.stoppingMs);
    lab.ec2('ModifyInstanceAttribute', {
      InstanceId: id,
      UserData: { Value: new TextEncoder().encode('IyEvYmluL3NoCg==') },
    });
    const [event] = lab.lab('DescribeActivity', { MaxResults: 1 }).Events;
    expect(event!.EventName).toBe('ModifyInstanceAttribute');
    expect(event!.Parameters).toEqual({ InstanceId: id, UserData: { Value: btoa('IyEvYmluL3NoCg==') } });
  });
});

describe('API access', () => {
  it('is unavailable until a door registers, and regenerates through it', () => {
    const lab = createTestLab();
    expect(lab.lab('GetApiAccess', {})).toMatchObject({ Available: false });
    expect(lab.labError('RegenerateApiAccessKey', {}).code).toBe('OperationNotPermitted');
    let key = 'AKIAAAAAAAAAAAAAAAAA';
    lab.engine.setApiAccessProvider({
      access: () => ({
        Available: true,
        Endpoint: 'http://127.0.0.1:4566/',
        AccessKeyId: key,
        SecretAccessKey: 's',
        KeySource: 'generated',
      }),
      regenerate: () => {
        key = 'AKIABBBBBBBBBBBBBBBB';
        return {
          Available: true,
          Endpoint: 'http://127.0.0.1:4566/',
          AccessKeyId: key,
          SecretAccessKey: 't',
          KeySource: 'generated',
        };
      },
    });
    expect(lab.lab('GetApiAccess', {}).AccessKeyId).toBe('AKIAAAAAAAAAAAAAAAAA');
    expect(lab.lab('RegenerateApiAccessKey', {}).AccessKeyId).toBe('AKIABBBBBBBBBBBBBBBB');
  });

  it('refuses to regenerate a key that came from the environment', () => {
    const lab = createTestLab();
    lab.engine.setApiAccessProvider({
      access: () => ({ Available: true, AccessKeyId: 'AKIAENV', SecretAccessKey: 'x', KeySource: 'environment' }),
      regenerate: () => {
        throw new Error('must not be called');
      },
    });
    expect(lab.labError('RegenerateApiAccessKey', {}).message).toContain('EC2LAB_ACCESS_KEY_ID');
  });
});
