import { describe, expect, it } from 'vitest';
import { createTestLab } from '../test-support/test-lab';
import { TIMINGS } from './lifecycle';

describe('DescribeInstances', () => {
  it('filters by state, tag and wildcard, with AND across filters and OR within one', () => {
    const lab = createTestLab();
    const web = lab.launch({
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web-1' }] }],
    });
    const db = lab.launch({
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'db-1' }] }],
    });
    lab.pass(TIMINGS.pendingMs);
    lab.ec2('StopInstances', { InstanceIds: [db] });
    const ids = (filters: { Name: string; Values: string[] }[]) =>
      lab
        .ec2('DescribeInstances', { Filters: filters })
        .Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId))
        .sort();

    expect(ids([{ Name: 'instance-state-name', Values: ['running'] }])).toEqual([web]);
    expect(ids([{ Name: 'instance-state-name', Values: ['running', 'stopping'] }])).toEqual([web, db].sort());
    expect(ids([{ Name: 'tag:Name', Values: ['web-*'] }])).toEqual([web]);
    expect(ids([{ Name: 'tag:Name', Values: ['?b-1'] }])).toEqual([db]);
    expect(
      ids([
        { Name: 'tag-key', Values: ['Name'] },
        { Name: 'instance-state-code', Values: ['64'] },
      ]),
    ).toEqual([db]);
    expect(ids([{ Name: 'instance-type', Values: ['t3.micro'] }])).toHaveLength(2);
    expect(lab.ec2Error('DescribeInstances', { Filters: [{ Name: 'colour', Values: ['red'] }] })).toEqual({
      code: 'InvalidParameterValue',
      message: "The filter 'colour' is invalid",
    });
  });

  it('pages with MaxResults and NextToken', () => {
    const lab = createTestLab();
    lab.ec2('RunInstances', { ImageId: quickImage(lab), InstanceType: 't3.nano', MinCount: 12, MaxCount: 12 });
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = lab.ec2('DescribeInstances', { MaxResults: 5, NextToken: token });
      seen.push(...page.Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId!)));
      token = page.NextToken;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(12);
    expect(lab.ec2Error('DescribeInstances', { MaxResults: 3 }).code).toBe('InvalidParameterValue');
    expect(lab.ec2Error('DescribeInstances', { NextToken: 'garbage' }).code).toBe('InvalidNextToken');
    expect(lab.ec2Error('DescribeInstances', { MaxResults: 5, InstanceIds: [seen[0]!] }).code).toBe(
      'InvalidParameterCombination',
    );
  });

  it('groups instances by reservation', () => {
    const lab = createTestLab();
    lab.ec2('RunInstances', { ImageId: quickImage(lab), MinCount: 2, MaxCount: 2 });
    lab.launch();
    const reservations = lab.ec2('DescribeInstances', {}).Reservations!;
    expect(reservations.map((r) => r.Instances!.length)).toEqual([2, 1]);
    expect(reservations[0]!.OwnerId).toMatch(/^\d{12}$/);
  });

  it('describes status of running instances only unless all are asked for', () => {
    const lab = createTestLab();
    const running = lab.launch();
    lab.pass(TIMINGS.pendingMs);
    const pending = lab.launch();
    const statuses = lab.ec2('DescribeInstanceStatus', {}).InstanceStatuses!;
    expect(statuses.map((s) => s.InstanceId)).toEqual([running]);
    const all = lab.ec2('DescribeInstanceStatus', { IncludeAllInstances: true }).InstanceStatuses!;
    expect(all.find((s) => s.InstanceId === pending)!.InstanceStatus!.Status).toBe('not-applicable');
  });
});

describe('tags', () => {
  it('creates, overwrites, deletes and describes tags', () => {
    const lab = createTestLab();
    const id = lab.launch();
    lab.ec2('CreateTags', {
      Resources: [id],
      Tags: [
        { Key: 'Name', Value: 'a' },
        { Key: 'env', Value: 'lab' },
      ],
    });
    lab.ec2('CreateTags', { Resources: [id], Tags: [{ Key: 'Name', Value: 'b' }] });
    expect(lab.ec2('DescribeTags', { Filters: [{ Name: 'resource-id', Values: [id] }] }).Tags).toEqual([
      { Key: 'Name', Value: 'b', ResourceId: id, ResourceType: 'instance' },
      { Key: 'env', Value: 'lab', ResourceId: id, ResourceType: 'instance' },
    ]);
    lab.ec2('DeleteTags', { Resources: [id], Tags: [{ Key: 'env', Value: 'other' }] });
    expect(lab.ec2('DescribeTags', { Filters: [{ Name: 'key', Values: ['env'] }] }).Tags).toHaveLength(1);
    lab.ec2('DeleteTags', { Resources: [id], Tags: [{ Key: 'env' }] });
    expect(lab.ec2('DescribeTags', { Filters: [{ Name: 'key', Values: ['env'] }] }).Tags).toHaveLength(0);
  });

  it('refuses reserved keys, unknown resources and bad ids', () => {
    const lab = createTestLab();
    const id = lab.launch();
    expect(lab.ec2Error('CreateTags', { Resources: [id], Tags: [{ Key: 'aws:owner', Value: 'x' }] }).code).toBe(
      'InvalidParameterValue',
    );
    expect(
      lab.ec2Error('CreateTags', { Resources: ['i-0123456789abcdef0'], Tags: [{ Key: 'a', Value: 'b' }] }).code,
    ).toBe('InvalidInstanceID.NotFound');
    expect(lab.ec2Error('CreateTags', { Resources: ['banana'], Tags: [{ Key: 'a', Value: 'b' }] })).toEqual({
      code: 'InvalidID',
      message: "The ID 'banana' is not valid",
    });
  });
});

function quickImage(lab: ReturnType<typeof createTestLab>): string {
  return lab
    .lab('DescribeQuickStartImages', { Region: 'ap-northeast-2' })
    .Images.find((i) => i.Os === 'amazon-linux' && i.Architecture === 'x86_64')!.ImageId;
}
