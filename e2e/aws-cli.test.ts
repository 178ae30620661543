/**
 * The real AWS CLI v2 (Debian's /usr/bin/aws) against the lab's EC2 API, as a learner runs it:
 * run-instances, describe-instances, `aws ec2 wait instance-running` (which polls every 15 s), and
 * stop-instances. The lab clock stands still until the waiter's first poll has seen `pending`,
 * then jumps a minute, so the second poll sees `running`: one real 15 s wait, no more.
 * Needs /usr/bin/aws (`apt-get install -y awscli`; .ci/run installs it): missing, it fails in CI
 * and is skipped elsewhere.
 */
import { beforeAll, expect, it } from 'vitest';
import type { ApiCall } from '../shared/api';
import { describeWithCli, useCliLab } from './support/aws-cli';

const calls: ApiCall[] = [];
/** Called after the engine answers a call (to move the clock once the waiter has polled). */
let afterCall: (call: ApiCall) => void = () => {};

const lab = useCliLab({
  name: 'cli',
  // The door records every call and lets the test act once the engine has answered it.
  door: (engine) => ({
    dispatch(call) {
      calls.push(call);
      const result = engine.dispatch(call);
      afterCall(call);
      return result;
    },
  }),
});

const aws = (...args: string[]) => lab.run('ec2', args);

async function awsJson<T>(...args: string[]): Promise<T> {
  const result = await aws(...args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as T;
}

describeWithCli('the AWS CLI v2 against the lab', () => {
  beforeAll(() => {
    // The lab clock stands still unless the test moves it.
    lab.engine.dispatch({ service: 'lab', operation: 'SetClockSpeed', input: { speed: 0 } });
  });

  it("answers `aws sts get-caller-identity` with the lab's account and its learner", async () => {
    const result = await lab.run('sts', ['get-caller-identity']);
    expect(result.stderr).toBe('');
    const identity = JSON.parse(result.stdout) as { Account: string; Arn: string; UserId: string };
    const status = lab.engine.dispatch({ service: 'lab', operation: 'GetStatus', input: {} });
    const accountId = (status as { value: { accountId: string } }).value.accountId;
    expect(identity).toEqual({
      Account: accountId,
      Arn: `arn:aws:iam::${accountId}:user/ec2-lab-learner`,
      UserId: expect.stringMatching(/^AIDA[A-Z2-7]{17}$/),
    });
  });

  it('runs an instance, waits for it to run, describes and stops it', async () => {
    const images = await awsJson<{ Images: { ImageId: string }[] }>(
      'describe-images',
      '--filters',
      'Name=architecture,Values=x86_64',
    );
    const imageId = images.Images[0]!.ImageId;

    const run = await awsJson<{ Instances: { InstanceId: string; State: { Name: string } }[] }>(
      'run-instances',
      '--image-id',
      imageId,
      '--instance-type',
      't3.micro',
      '--count',
      '1',
      '--tag-specifications',
      'ResourceType=instance,Tags=[{Key=Name,Value=from-the-cli}]',
    );
    const instanceId = run.Instances[0]!.InstanceId;
    expect(instanceId).toMatch(/^i-[0-9a-f]{17}$/);
    expect(run.Instances[0]!.State.Name).toBe('pending');
    expect(calls.at(-1)).toMatchObject({ operation: 'RunInstances', region: 'ap-northeast-2', caller: 'cli' });

    const described = await awsJson<{
      Reservations: { Instances: { InstanceId: string; Tags: { Key: string; Value: string }[] }[] }[];
    }>('describe-instances', '--instance-ids', instanceId);
    expect(described.Reservations[0]!.Instances[0]!.InstanceId).toBe(instanceId);
    expect(described.Reservations[0]!.Instances[0]!.Tags).toEqual([{ Key: 'Name', Value: 'from-the-cli' }]);

    // The waiter's first poll sees `pending`; then a minute of lab time passes; its next poll sees `running`.
    let polls = 0;
    afterCall = (call) => {
      if (call.operation !== 'DescribeInstances' || ++polls !== 1) return;
      lab.engine.dispatch({ service: 'lab', operation: 'AdvanceClock', input: { milliseconds: 60_000 } });
    };
    const started = Date.now();
    const waited = await aws('wait', 'instance-running', '--instance-ids', instanceId);
    expect(waited).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(polls).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(14_000);
    afterCall = () => {};

    const stopped = await awsJson<{ StoppingInstances: { CurrentState: { Name: string } }[] }>(
      'stop-instances',
      '--instance-ids',
      instanceId,
    );
    expect(stopped.StoppingInstances[0]!.CurrentState.Name).toBe('stopping');
  }, 60_000);

  it("prints EC2's error code and message as the CLI does, with its exit code 254", async () => {
    const result = await aws('describe-instances', '--instance-ids', 'i-0123456789abcdef0');
    expect(result.code).toBe(254);
    expect(result.stderr.trim()).toBe(
      'An error occurred (InvalidInstanceID.NotFound) when calling the DescribeInstances operation: ' +
        "The instance ID 'i-0123456789abcdef0' does not exist",
    );
  });
});
