// Figures for checking console requests against AWS's EC2 model: the first check (which parses the
// model), a DescribeInstances naming 1,000 instances, a typical RunInstances, and the refusal of a
// request that stands for more than 100,000 values.
import { expect, it } from 'vitest';
import { validateModelInput } from '../electron/doors/common/model-input-validator';
import { measure, report } from './measure';

const ids = (count: number) => Array.from({ length: count }, (_, i) => `i-${i.toString(16).padStart(17, '0')}`);

const typicalRunInstances = {
  ImageId: 'ami-0123456789abcdef0',
  InstanceType: 't3.micro',
  MinCount: 1,
  MaxCount: 1,
  KeyName: 'my-key',
  BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8, VolumeType: 'gp3', Encrypted: true } }],
  TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web-1' }] }],
  Placement: { AvailabilityZone: 'ap-northeast-2a' },
};

it('validates EC2 inputs against the model', () => {
  report(
    'first EC2 input check (parses the model)',
    measure(1, () => expect(validateModelInput('DescribeInstances', {})).toEqual({ ok: true })),
  );
  const describe1000 = { InstanceIds: ids(1000) };
  report(
    'DescribeInstances with 1,000 InstanceIds',
    measure(200, () => validateModelInput('DescribeInstances', describe1000)),
  );
  expect(validateModelInput('DescribeInstances', describe1000)).toEqual({ ok: true });
  report(
    'typical RunInstances',
    measure(2000, () => validateModelInput('RunInstances', typicalRunInstances)),
  );
  expect(validateModelInput('RunInstances', typicalRunInstances)).toEqual({ ok: true });

  const filter = { Name: 'instance-state-name', Values: Array.from({ length: 1000 }, () => 'running') };
  const huge = { Filters: Array(1000).fill(filter) };
  report(
    '1,000 Filters x 1,000 Values (shared), refused after 100,000 values',
    measure(5, () => validateModelInput('DescribeInstances', huge)),
  );
  expect(validateModelInput('DescribeInstances', huge).ok).toBe(false);
});
