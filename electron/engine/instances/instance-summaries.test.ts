import { describe, expect, it } from 'vitest';
import { createTestLab, TEST_REGION } from '../test-support/test-lab';

describe('instance summaries', () => {
  it('say what DescribeInstances shows of each instance: state, public address and name, AMI, key pair', () => {
    const lab = createTestLab();
    lab.ec2('CreateKeyPair', { KeyName: 'class', KeyType: 'ed25519' });
    const keyed = lab.launch({ KeyName: 'class' });
    const plain = lab.launch();
    lab.pass(120_000);
    lab.ec2('StopInstances', { InstanceIds: [plain] });
    lab.pass(120_000);
    const views = lab.ec2('DescribeInstances', {}).Reservations!.flatMap((r) => r.Instances!);
    const summaries = lab.engine.instanceSummaries.inRegion(TEST_REGION);
    expect(summaries).toEqual(
      views.map((view) => ({
        instanceId: view.InstanceId,
        region: TEST_REGION,
        state: view.State!.Name,
        imageId: view.ImageId,
        keyName: view.KeyName,
        publicIp: view.PublicIpAddress,
        publicDns: view.PublicDnsName || undefined,
      })),
    );
    const running = summaries.find((summary) => summary.instanceId === keyed)!;
    expect(running).toMatchObject({ state: 'running', keyName: 'class' });
    expect(running.publicDns).toBe(
      `ec2-${running.publicIp!.replaceAll('.', '-')}.${TEST_REGION}.compute.amazonaws.com`,
    );
    // A stopped instance has given its public address back.
    expect(summaries.find((summary) => summary.instanceId === plain)).toMatchObject({ state: 'stopped' });
    expect(summaries.find((summary) => summary.instanceId === plain)!.publicIp).toBeUndefined();
  });

  it('read only the ids asked for in that region, leaving out unknown ones and other regions', () => {
    const lab = createTestLab();
    const here = lab.launch();
    const there = lab.launch({}, 'us-east-1');
    const terminated = lab.launch();
    lab.ec2('TerminateInstances', { InstanceIds: [terminated] });
    lab.pass(60_000);
    const read = lab.engine.instanceSummaries.inRegion(TEST_REGION, [there, 'i-0000000000000dead', terminated, here]);
    expect(read.map((summary) => [summary.instanceId, summary.state, summary.publicIp])).toEqual([
      [terminated, 'terminated', undefined],
      [here, 'running', read[1]!.publicIp],
    ]);
    expect(lab.engine.instanceSummaries.inRegion('us-east-1', [there])[0]).toMatchObject({
      instanceId: there,
      region: 'us-east-1',
    });
  });
});
