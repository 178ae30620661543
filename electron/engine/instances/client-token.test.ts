/** RunInstances idempotency: the same token gives the same reservation; other parameters are refused. */
import type { RunInstancesRequest } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { createTestLab, quickStartImage } from '../test-support/test-lab';

const request = (ClientToken: string, InstanceType = 't3.micro'): RunInstancesRequest => ({
  ImageId: quickStartImage('amazon-linux'),
  InstanceType: InstanceType as RunInstancesRequest['InstanceType'],
  MinCount: 2,
  MaxCount: 2,
  ClientToken,
  TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] }],
});

describe('RunInstances with a client token', () => {
  it('answers a repeated request with the same reservation and launches nothing more, even after a restart', () => {
    const lab = createTestLab();
    const first = lab.ec2('RunInstances', request('launch-1'));
    const again = lab.ec2('RunInstances', request('launch-1'));
    expect(again.ReservationId).toBe(first.ReservationId);
    expect(again.Instances!.map((i) => i.InstanceId)).toEqual(first.Instances!.map((i) => i.InstanceId));
    const reopened = lab.reopen();
    expect(reopened.ec2('RunInstances', request('launch-1')).ReservationId).toBe(first.ReservationId);
    expect(reopened.ec2('DescribeInstances', {}).Reservations!.flatMap((r) => r.Instances!)).toHaveLength(2);
    // Another token is another launch.
    expect(reopened.ec2('RunInstances', request('launch-2')).ReservationId).not.toBe(first.ReservationId);
  });

  it('refuses the same token with other parameters (IdempotentParameterMismatch), launching nothing', () => {
    const lab = createTestLab();
    lab.ec2('RunInstances', request('launch-1'));
    expect(lab.ec2Error('RunInstances', request('launch-1', 't3.small'))).toEqual({
      code: 'IdempotentParameterMismatch',
      message:
        'The client token you provided was already used with different request parameters. Use a new client token for a new request.',
    });
    expect(lab.ec2('DescribeInstances', {}).Reservations!.flatMap((r) => r.Instances!)).toHaveLength(2);
  });

  it('takes at most 64 ASCII characters', () => {
    const lab = createTestLab();
    expect(lab.ec2Error('RunInstances', request('x'.repeat(65))).code).toBe('InvalidParameterValue');
    expect(lab.ec2Error('RunInstances', request('토큰')).code).toBe('InvalidParameterValue');
    expect(lab.ec2('DescribeInstances', {}).Reservations).toEqual([]);
  });

  it('keeps a token to its region, and forgets a launch that was undone (DryRun) or never happened', () => {
    const lab = createTestLab();
    expect(lab.ec2Error('RunInstances', { ...request('launch-1'), DryRun: true }).code).toBe('DryRunOperation');
    const first = lab.ec2('RunInstances', request('launch-1'));
    expect(first.Instances).toHaveLength(2);
    // The same token in another region is another launch there.
    const inVirginia = { ...request('launch-1'), ImageId: quickStartImage('amazon-linux', 'x86_64', 'us-east-1') };
    const elsewhere = lab.ec2('RunInstances', inVirginia, 'us-east-1');
    expect(elsewhere.ReservationId).not.toBe(first.ReservationId);
    expect(lab.ec2('RunInstances', inVirginia, 'us-east-1').ReservationId).toBe(elsewhere.ReservationId);
    expect(lab.ec2('RunInstances', request('launch-1')).ReservationId).toBe(first.ReservationId);
  });
});
