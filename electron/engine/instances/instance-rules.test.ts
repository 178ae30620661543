import { describe, expect, it } from 'vitest';
import { createTestLab, quickStartImage } from '../test-support/test-lab';
import { TIMINGS } from './lifecycle';

describe('launch validation', () => {
  it('tags the root volume and the network interface with their TagSpecifications, not the instance', () => {
    const lab = createTestLab();
    const id = lab.launch({
      TagSpecifications: [
        { ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] },
        { ResourceType: 'volume', Tags: [{ Key: 'disk', Value: 'root' }] },
        { ResourceType: 'network-interface', Tags: [{ Key: 'nic', Value: 'primary' }] },
      ],
    });
    const tags = lab.ec2('DescribeTags', {}).Tags!.map((t) => [t.ResourceType, t.Key, t.Value]);
    expect(tags).toEqual(
      expect.arrayContaining([
        ['instance', 'Name', 'web'],
        ['volume', 'disk', 'root'],
        ['network-interface', 'nic', 'primary'],
      ]),
    );
    expect(lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!.Tags).toEqual([
      { Key: 'Name', Value: 'web' },
    ]);
    expect(
      lab.ec2Error('RunInstances', {
        ImageId: quickStartImage('amazon-linux'),
        MinCount: 1,
        MaxCount: 1,
        TagSpecifications: [{ ResourceType: 'snapshot', Tags: [{ Key: 'k', Value: 'v' }] }],
      }).message,
    ).toBe("'snapshot' is not a valid taggable resource type for this operation.");
  });

  it('requires ImageId, MinCount and MaxCount', () => {
    const lab = createTestLab();
    expect(lab.ec2Error('RunInstances', { MinCount: 1, MaxCount: 1 })).toEqual({
      code: 'MissingParameter',
      message: 'The request must contain the parameter ImageId',
    });
    expect(lab.ec2Error('RunInstances', { ImageId: quickStartImage('amazon-linux'), MaxCount: 1 } as never).code).toBe(
      'MissingParameter',
    );
  });

  it('rejects malformed and unknown AMIs', () => {
    const lab = createTestLab();
    expect(lab.ec2Error('RunInstances', { ImageId: 'ami-xyz', MinCount: 1, MaxCount: 1 })).toEqual({
      code: 'InvalidAMIID.Malformed',
      message: 'Invalid id: "ami-xyz" (expecting "ami-...")',
    });
    expect(lab.ec2Error('RunInstances', { ImageId: 'ami-0123456789abcdef0', MinCount: 1, MaxCount: 1 }).code).toBe(
      'InvalidAMIID.NotFound',
    );
  });

  it('keeps AMIs to their region', () => {
    const lab = createTestLab();
    const seoulImage = quickStartImage('amazon-linux', 'x86_64', 'ap-northeast-2');
    expect(
      lab.ec2Error(
        'RunInstances',
        { ImageId: seoulImage, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 },
        'us-east-1',
      ).code,
    ).toBe('InvalidAMIID.NotFound');
  });

  it('requires the AMI architecture to match the instance type', () => {
    const lab = createTestLab();
    const error = lab.ec2Error('RunInstances', {
      ImageId: quickStartImage('amazon-linux', 'arm64'),
      InstanceType: 't3.micro',
      MinCount: 1,
      MaxCount: 1,
    });
    expect(error.code).toBe('InvalidParameterValue');
    expect(error.message).toContain(
      "The architecture 'x86_64' of the specified instance type does not match the architecture 'arm64' of the specified AMI.",
    );
    expect(
      lab.ec2('RunInstances', {
        ImageId: quickStartImage('amazon-linux', 'arm64'),
        InstanceType: 't4g.micro',
        MinCount: 1,
        MaxCount: 1,
      }).Instances![0]!.Architecture,
    ).toBe('arm64');
  });

  it('rejects unknown instance types and bad counts', () => {
    const lab = createTestLab();
    const image = quickStartImage('amazon-linux');
    expect(
      lab.ec2Error('RunInstances', { ImageId: image, InstanceType: 't9.huge' as never, MinCount: 1, MaxCount: 1 }),
    ).toEqual({
      code: 'InvalidParameterValue',
      message: "Invalid value 't9.huge' for InstanceType.",
    });
    expect(lab.ec2Error('RunInstances', { ImageId: image, MinCount: 3, MaxCount: 2 }).code).toBe(
      'InvalidParameterValue',
    );
    expect(lab.ec2Error('RunInstances', { ImageId: image, MinCount: 0, MaxCount: 0 }).code).toBe(
      'InvalidParameterValue',
    );
  });

  it('launches several instances in one reservation with distinct addresses', () => {
    const lab = createTestLab();
    const reservation = lab.ec2('RunInstances', {
      ImageId: quickStartImage('ubuntu'),
      InstanceType: 't3.small',
      MinCount: 3,
      MaxCount: 3,
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] }],
    });
    const instances = reservation.Instances!;
    expect(instances.map((i) => i.AmiLaunchIndex)).toEqual([0, 1, 2]);
    expect(new Set(instances.map((i) => i.PrivateIpAddress)).size).toBe(3);
    expect(new Set(instances.map((i) => i.PublicIpAddress)).size).toBe(3);
    expect(instances.every((i) => i.Tags?.[0]?.Value === 'web')).toBe(true);
    expect(instances[0]!.RootDeviceName).toBe('/dev/sda1');
  });

  it('places the instance in the requested Availability Zone and refuses an unknown one', () => {
    const lab = createTestLab();
    const id = lab.launch({ Placement: { AvailabilityZone: 'ap-northeast-2c' } });
    const instance = lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!;
    expect(instance.Placement!.AvailabilityZone).toBe('ap-northeast-2c');
    expect(instance.PrivateIpAddress).toMatch(/^172\.31\.(3[2-9]|4[0-7])\./);
    expect(
      lab.ec2Error('RunInstances', {
        ImageId: quickStartImage('amazon-linux'),
        MinCount: 1,
        MaxCount: 1,
        Placement: { AvailabilityZone: 'ap-northeast-2z' },
      }).code,
    ).toBe('InvalidParameterValue');
  });

  it('refuses a key pair that does not exist', () => {
    const lab = createTestLab();
    expect(
      lab.ec2Error('RunInstances', {
        ImageId: quickStartImage('amazon-linux'),
        KeyName: 'lab',
        MinCount: 1,
        MaxCount: 1,
      }),
    ).toEqual({
      code: 'InvalidKeyPair.NotFound',
      message: "The key pair 'lab' does not exist",
    });
  });

  it('validates user data and root volume size', () => {
    const lab = createTestLab();
    const image = quickStartImage('amazon-linux');
    expect(
      lab.ec2Error('RunInstances', { ImageId: image, MinCount: 1, MaxCount: 1, UserData: 'not base64!' }).code,
    ).toBe('InvalidParameterValue');
    expect(
      lab.ec2Error('RunInstances', {
        ImageId: image,
        MinCount: 1,
        MaxCount: 1,
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 2 } }],
      }).code,
    ).toBe('InvalidBlockDeviceMapping');
  });
});

describe('subnet addresses', () => {
  it('launches as many as the subnet has addresses for, then answers InsufficientFreeAddressesInSubnet', () => {
    const lab = createTestLab();
    const subnet = lab.ec2('DescribeSubnets', {}).Subnets![0]!;
    expect(subnet.AvailableIpAddressCount).toBe(4091); // a /20 less AWS's five reserved addresses
    const launch = (min: number, max: number) =>
      lab.ec2('RunInstances', {
        ImageId: quickStartImage('amazon-linux'),
        InstanceType: 't3.micro',
        MinCount: min,
        MaxCount: max,
        SubnetId: subnet.SubnetId!,
      }).Instances!.length;
    for (let i = 0; i < 4; i++) expect(launch(1000, 1000)).toBe(1000);
    expect(launch(1, 200)).toBe(91);
    expect(lab.ec2('DescribeSubnets', { SubnetIds: [subnet.SubnetId!] }).Subnets![0]!.AvailableIpAddressCount).toBe(0);
    expect(
      lab.ec2Error('RunInstances', {
        ImageId: quickStartImage('amazon-linux'),
        MinCount: 1,
        MaxCount: 1,
        SubnetId: subnet.SubnetId!,
      }),
    ).toEqual({
      code: 'InsufficientFreeAddressesInSubnet',
      message: `There are not enough free addresses in subnet '${subnet.SubnetId}' to satisfy the requested number of instances.`,
    });
  });

  it('hands the addresses of terminated instances out again, never one still in use', () => {
    const lab = createTestLab();
    const subnetId = lab.ec2('DescribeSubnets', {}).Subnets![0]!.SubnetId!;
    const available = () => lab.ec2('DescribeSubnets', { SubnetIds: [subnetId] }).Subnets![0]!.AvailableIpAddressCount;
    const launch = (count: number) =>
      lab
        .ec2('RunInstances', {
          ImageId: quickStartImage('amazon-linux'),
          MinCount: count,
          MaxCount: count,
          SubnetId: subnetId,
        })
        .Instances!.map((instance) => instance.InstanceId!);
    const ids = [1000, 1000, 1000, 1000, 91].flatMap((count) => launch(count));
    expect(available()).toBe(0);
    lab.ec2('TerminateInstances', { InstanceIds: ids.slice(0, 3) });
    // The addresses stay taken while the instances shut down, and are free once their interfaces are gone.
    expect(available()).toBe(0);
    lab.pass(TIMINGS.shuttingDownMs);
    expect(available()).toBe(3);
    launch(3);
    expect(available()).toBe(0);
    const addresses = lab
      .ec2('DescribeInstances', { Filters: [{ Name: 'subnet-id', Values: [subnetId] }] })
      .Reservations!.flatMap((r) => r.Instances!)
      .filter((instance) => instance.State!.Name !== 'terminated')
      .map((instance) => instance.PrivateIpAddress);
    expect(addresses).toHaveLength(4091);
    expect(new Set(addresses).size).toBe(4091);
  });
});

describe('termination', () => {
  it('deletes the interface and a DeleteOnTermination root volume, and keeps a root volume marked to stay', () => {
    const lab = createTestLab();
    const kept = lab.launch({
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { DeleteOnTermination: false } }],
    });
    const deleted = lab.launch();
    const parts = (id: string) => {
      const instance = lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!;
      return {
        volume: instance.BlockDeviceMappings![0]!.Ebs!.VolumeId!,
        eni: instance.NetworkInterfaces![0]!.NetworkInterfaceId!,
      };
    };
    const keptParts = parts(kept);
    const deletedParts = parts(deleted);
    lab.ec2('TerminateInstances', { InstanceIds: [kept, deleted] });
    lab.pass(TIMINGS.shuttingDownMs);
    const tag = (id: string) =>
      lab.engine.dispatch({
        service: 'ec2',
        operation: 'CreateTags',
        region: 'ap-northeast-2',
        input: { Resources: [id], Tags: [{ Key: 'k', Value: 'v' }] },
      });
    expect(tag(keptParts.volume).ok).toBe(true);
    expect(lab.ec2('DescribeTags', { Filters: [{ Name: 'resource-type', Values: ['volume'] }] }).Tags).toEqual([
      { Key: 'k', Value: 'v', ResourceId: keptParts.volume, ResourceType: 'volume' },
    ]);
    expect(tag(deletedParts.volume)).toMatchObject({ ok: false, error: { code: 'InvalidVolume.NotFound' } });
    expect(tag(keptParts.eni)).toMatchObject({ ok: false, error: { code: 'InvalidNetworkInterfaceID.NotFound' } });
    expect(tag(deletedParts.eni)).toMatchObject({ ok: false, error: { code: 'InvalidNetworkInterfaceID.NotFound' } });
  });
});

describe('protection and hibernation', () => {
  it('termination protection refuses terminate until the attribute is changed', () => {
    const lab = createTestLab();
    const id = lab.launch({ DisableApiTermination: true });
    lab.pass(TIMINGS.pendingMs);
    expect(lab.ec2Error('TerminateInstances', { InstanceIds: [id] })).toEqual({
      code: 'OperationNotPermitted',
      message: `The instance '${id}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`,
    });
    expect(lab.stateOf(id)).toBe('running');
    lab.ec2('ModifyInstanceAttribute', { InstanceId: id, DisableApiTermination: { Value: false } });
    expect(lab.ec2('TerminateInstances', { InstanceIds: [id] }).TerminatingInstances![0]!.CurrentState!.Name).toBe(
      'shutting-down',
    );
  });

  it('stop protection refuses stop and terminate', () => {
    const lab = createTestLab();
    const id = lab.launch({ DisableApiStop: true });
    lab.pass(TIMINGS.pendingMs);
    expect(lab.ec2Error('StopInstances', { InstanceIds: [id] }).message).toBe(
      `The instance '${id}' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.`,
    );
    expect(lab.ec2Error('TerminateInstances', { InstanceIds: [id] }).code).toBe('OperationNotPermitted');
    expect(
      lab.ec2('DescribeInstanceAttribute', { InstanceId: id, Attribute: 'disableApiStop' }).DisableApiStop,
    ).toEqual({
      Value: true,
    });
  });

  it('hibernates only an instance launched with hibernation enabled', () => {
    const lab = createTestLab();
    const plain = lab.launch();
    lab.pass(TIMINGS.pendingMs);
    expect(lab.ec2Error('StopInstances', { InstanceIds: [plain], Hibernate: true }).code).toBe(
      'UnsupportedHibernationConfiguration',
    );

    expect(
      lab.ec2Error('RunInstances', {
        ImageId: quickStartImage('amazon-linux'),
        InstanceType: 't3.micro',
        MinCount: 1,
        MaxCount: 1,
        HibernationOptions: { Configured: true },
      }).message,
    ).toContain('root volume must be encrypted');

    const id = lab.launch({
      HibernationOptions: { Configured: true },
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 10, Encrypted: true } }],
    });
    lab.pass(TIMINGS.pendingMs);
    lab.ec2('StopInstances', { InstanceIds: [id], Hibernate: true });
    lab.pass(TIMINGS.stoppingMs);
    expect(lab.stateOf(id)).toBe('stopping');
    lab.pass(TIMINGS.hibernatingMs - TIMINGS.stoppingMs);
    const instance = lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!;
    expect(instance.State!.Name).toBe('stopped');
    expect(instance.StateReason!.Code).toBe('Client.UserInitiatedHibernate');
  });

  it('refuses hibernation on a type that does not support it', () => {
    const lab = createTestLab();
    const error = lab.ec2Error('RunInstances', {
      ImageId: quickStartImage('amazon-linux'),
      InstanceType: 'g4dn.xlarge',
      MinCount: 1,
      MaxCount: 1,
      HibernationOptions: { Configured: true },
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 100, Encrypted: true } }],
    });
    expect(error.code).toBe('UnsupportedHibernationConfiguration');
  });
});

describe('instance attributes', () => {
  it('changes the instance type only while stopped, and keeps the architecture', () => {
    const lab = createTestLab();
    const id = lab.launch();
    lab.pass(TIMINGS.pendingMs);
    expect(lab.ec2Error('ModifyInstanceAttribute', { InstanceId: id, InstanceType: { Value: 't3.large' } })).toEqual({
      code: 'IncorrectInstanceState',
      message: `The instance '${id}' is not in the 'stopped' state.`,
    });
    lab.ec2('StopInstances', { InstanceIds: [id] });
    lab.pass(TIMINGS.stoppingMs);
    expect(lab.ec2Error('ModifyInstanceAttribute', { InstanceId: id, InstanceType: { Value: 't4g.large' } }).code).toBe(
      'InvalidParameterValue',
    );
    lab.ec2('ModifyInstanceAttribute', { InstanceId: id, InstanceType: { Value: 't3.large' } });
    expect(lab.ec2('DescribeInstanceAttribute', { InstanceId: id, Attribute: 'instanceType' }).InstanceType).toEqual({
      Value: 't3.large',
    });
  });

  it('refuses a new type for an instance enabled for hibernation, and Mac types without a Dedicated Host', () => {
    const lab = createTestLab();
    const id = lab.launch({
      HibernationOptions: { Configured: true },
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 10, Encrypted: true } }],
    });
    lab.pass(TIMINGS.pendingMs);
    lab.ec2('StopInstances', { InstanceIds: [id] });
    lab.pass(TIMINGS.stoppingMs);
    expect(lab.ec2Error('ModifyInstanceAttribute', { InstanceId: id, InstanceType: { Value: 't3.large' } })).toEqual({
      code: 'UnsupportedOperation',
      message: `The instance '${id}' is enabled for hibernation. You can't change the instance type or size of an instance enabled for hibernation.`,
    });
    expect(lab.ec2('DescribeInstanceAttribute', { InstanceId: id, Attribute: 'instanceType' }).InstanceType).toEqual({
      Value: 't3.micro',
    });

    const before = lab.ec2('DescribeInstances', {}).Reservations!.length;
    expect(
      lab.ec2Error('RunInstances', {
        ImageId: quickStartImage('macos', 'x86_64_mac'),
        InstanceType: 'mac1.metal',
        MinCount: 1,
        MaxCount: 1,
      }),
    ).toEqual({
      code: 'Unsupported',
      message:
        "The instance type 'mac1.metal' can only be launched onto a Dedicated Host (Placement Tenancy 'host'). EC2 Lab does not simulate Dedicated Hosts yet.",
    });
    expect(lab.ec2('DescribeInstances', {}).Reservations).toHaveLength(before);
  });

  it('takes one attribute per request', () => {
    const lab = createTestLab();
    const id = lab.launch();
    expect(
      lab.ec2Error('ModifyInstanceAttribute', {
        InstanceId: id,
        DisableApiStop: { Value: true },
        DisableApiTermination: { Value: true },
      }).code,
    ).toBe('InvalidParameterCombination');
    lab.ec2('ModifyInstanceAttribute', {
      InstanceId: id,
      Attribute: 'instanceInitiatedShutdownBehavior',
      Value: 'terminate',
    });
    expect(
      lab.ec2('DescribeInstanceAttribute', { InstanceId: id, Attribute: 'instanceInitiatedShutdownBehavior' })
        .InstanceInitiatedShutdownBehavior,
    ).toEqual({ Value: 'terminate' });
  });

  it('keeps user data base64-encoded, taking the script as bytes of at most 16 KB', () => {
    const lab = createTestLab();
    const id = lab.launch();
    lab.pass(TIMINGS.pendingMs);
    lab.ec2('StopInstances', { InstanceIds: [id] });
    lab.pass(TIMINGS.stoppingMs);
    const script = '#!/bin/bash\necho 안녕\n';
    const base64 = Buffer.from(script).toString('base64');
    const userData = () => lab.ec2('DescribeInstanceAttribute', { InstanceId: id, Attribute: 'userData' }).UserData;

    lab.ec2('ModifyInstanceAttribute', { InstanceId: id, UserData: { Value: new TextEncoder().encode(script) } });
    expect(userData()).toEqual({ Value: base64 });
    // Base64 text in place of bytes is refused, not stored twice-encoded or as-is.
    expect(
      lab.ec2Error('ModifyInstanceAttribute', { InstanceId: id, UserData: { Value: btoa('echo again') as never } }),
    ).toEqual({ code: 'InvalidParameterValue', message: 'User data must be given as bytes.' });
    expect(
      lab.ec2Error('ModifyInstanceAttribute', { InstanceId: id, UserData: { Value: new Uint8Array(16 * 1024 + 1) } })
        .message,
    ).toBe('User data is limited to 16384 bytes.');
    expect(userData()).toEqual({ Value: base64 });
  });
});

describe('instance ids', () => {
  it('rejects malformed ids and names every missing one', () => {
    const lab = createTestLab();
    expect(lab.ec2Error('StopInstances', { InstanceIds: ['i-123'] })).toEqual({
      code: 'InvalidInstanceID.Malformed',
      message: 'Invalid id: "i-123" (expecting "i-...")',
    });
    expect(lab.ec2Error('StopInstances', { InstanceIds: ['i-0123456789abcdef0', 'i-0123456789abcdef1'] })).toEqual({
      code: 'InvalidInstanceID.NotFound',
      message: "The instance IDs 'i-0123456789abcdef0, i-0123456789abcdef1' do not exist",
    });
    expect(lab.ec2Error('StartInstances', {} as never)).toEqual({
      code: 'MissingParameter',
      message: 'The request must contain the parameter InstanceId',
    });
  });

  it('keeps each region apart', () => {
    const lab = createTestLab();
    const id = lab.launch({}, 'us-east-1');
    expect(lab.ec2('DescribeInstances', {}).Reservations).toEqual([]);
    expect(lab.ec2Error('StopInstances', { InstanceIds: [id] }).code).toBe('InvalidInstanceID.NotFound');
    const instance = lab.ec2('DescribeInstances', {}, 'us-east-1').Reservations![0]!.Instances![0]!;
    expect(instance.Placement!.AvailabilityZone).toMatch(/^us-east-1[a-f]$/);
    expect(instance.PrivateDnsName).toMatch(/^ip-172-31-\d+-\d+\.ec2\.internal$/);
    expect(instance.PublicDnsName).toMatch(/\.compute-1\.amazonaws\.com$/);
  });
});
