import { describe, expect, it } from 'vitest';
import { kebabCase, toCliCommand } from './cli-command';

describe('the equivalent AWS CLI command', () => {
  it('kebab-cases operations and members as the CLI does', () => {
    expect(kebabCase('DescribeInstanceStatus')).toBe('describe-instance-status');
    expect(kebabCase('DisableApiTermination')).toBe('disable-api-termination');
    expect(kebabCase('InstanceIds')).toBe('instance-ids');
  });

  it('writes lists, booleans, structures and user data the way the CLI takes them', () => {
    expect(
      toCliCommand('StopInstances', { InstanceIds: ['i-0123456789abcdef0'], Hibernate: true }, 'ap-northeast-2'),
    ).toBe('aws ec2 stop-instances --region ap-northeast-2 --instance-ids i-0123456789abcdef0 --hibernate');
    expect(
      toCliCommand(
        'RunInstances',
        {
          ImageId: 'ami-0123',
          MinCount: 1,
          MaxCount: 1,
          TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: "Bob's box" }] }],
          UserData: btoa('#!/bin/bash\necho hi'),
          DisableApiTermination: false,
        },
        'us-east-1',
      ),
    ).toBe(
      `aws ec2 run-instances --region us-east-1 --image-id ami-0123 --min-count 1 --max-count 1 ` +
        `--tag-specifications '[{"ResourceType":"instance","Tags":[{"Key":"Name","Value":"Bob'\\''s box"}]}]' ` +
        `--user-data '#!/bin/bash\necho hi' --no-disable-api-termination`,
    );
  });

  it('writes attribute booleans as flags, as modify-instance-attribute takes them', () => {
    expect(
      toCliCommand(
        'ModifyInstanceAttribute',
        { InstanceId: 'i-1', DisableApiTermination: { Value: true } },
        'ap-northeast-2',
      ),
    ).toBe('aws ec2 modify-instance-attribute --region ap-northeast-2 --instance-id i-1 --disable-api-termination');
    expect(
      toCliCommand(
        'ModifyInstanceAttribute',
        { InstanceId: 'i-1', DisableApiStop: { Value: false } },
        'ap-northeast-2',
      ),
    ).toBe('aws ec2 modify-instance-attribute --region ap-northeast-2 --instance-id i-1 --no-disable-api-stop');
  });

  it('writes a blob base64-encoded, as the CLI reads one', () => {
    const script = new TextEncoder().encode('#!/bin/bash\necho hi');
    expect(
      toCliCommand('ModifyInstanceAttribute', { InstanceId: 'i-1', UserData: { Value: script } }, 'us-east-1'),
    ).toBe(
      `aws ec2 modify-instance-attribute --region us-east-1 --instance-id i-1 --user-data '{"Value":"IyEvYmluL2Jhc2gKZWNobyBoaQ=="}'`,
    );
  });
});
