/**
 * Network interfaces on the engine: DescribeNetworkInterfaces in AWS's shape with its ids and
 * filters, and ModifyNetworkInterfaceAttribute (Groups within the interface's VPC and at most five,
 * Description, SourceDestCheck; one attribute per call; attributes it does not simulate refused).
 */
import { describe, expect, it } from 'vitest';
import { createTestLab, type TestLab } from '../test-support/test-lab';

const interfaceOf = (lab: TestLab, instanceId: string) =>
  lab.ec2('DescribeNetworkInterfaces', { Filters: [{ Name: 'attachment.instance-id', Values: [instanceId] }] })
    .NetworkInterfaces!;
const create = (lab: TestLab, name: string, extra = {}) =>
  lab.ec2('CreateSecurityGroup', { GroupName: name, Description: `${name} group`, ...extra }).GroupId!;

describe('DescribeNetworkInterfaces', () => {
  it("answers an instance's primary interface in AWS's shape, as DescribeInstances shows it", () => {
    const lab = createTestLab();
    const instanceId = lab.launch();
    const instance = lab.ec2('DescribeInstances', { InstanceIds: [instanceId] }).Reservations![0]!.Instances![0]!;
    const shown = instance.NetworkInterfaces![0]!;
    const [eni] = interfaceOf(lab, instanceId);
    expect(eni).toMatchObject({
      NetworkInterfaceId: shown.NetworkInterfaceId,
      AvailabilityZone: instance.Placement!.AvailabilityZone,
      SubnetId: instance.SubnetId,
      VpcId: instance.VpcId,
      MacAddress: shown.MacAddress,
      PrivateIpAddress: instance.PrivateIpAddress,
      PrivateDnsName: instance.PrivateDnsName,
      Status: 'in-use',
      InterfaceType: 'interface',
      SourceDestCheck: true,
      RequesterManaged: false,
      Groups: instance.SecurityGroups,
      Attachment: {
        InstanceId: instanceId,
        DeviceIndex: 0,
        Status: 'attached',
        DeleteOnTermination: true,
        AttachmentId: shown.Attachment!.AttachmentId,
      },
      PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: instance.PrivateIpAddress }],
      TagSet: [],
    });
    expect(eni!.Association?.PublicIp).toBe(instance.PublicIpAddress);
  });

  it('finds interfaces by id and by each filter, and refuses unknown or malformed ids', () => {
    const lab = createTestLab();
    const first = lab.launch();
    lab.launch();
    const [eni] = interfaceOf(lab, first);
    const id = eni!.NetworkInterfaceId!;
    const ids = (Filters: { Name: string; Values: string[] }[]) =>
      lab.ec2('DescribeNetworkInterfaces', { Filters }).NetworkInterfaces!.map((n) => n.NetworkInterfaceId);
    expect(lab.ec2('DescribeNetworkInterfaces', {}).NetworkInterfaces).toHaveLength(2);
    expect(lab.ec2('DescribeNetworkInterfaces', { NetworkInterfaceIds: [id] }).NetworkInterfaces).toHaveLength(1);
    expect(ids([{ Name: 'network-interface-id', Values: [id] }])).toEqual([id]);
    expect(ids([{ Name: 'private-ip-address', Values: [eni!.PrivateIpAddress!] }])).toEqual([id]);
    expect(ids([{ Name: 'addresses.association.public-ip', Values: [eni!.Association!.PublicIp!] }])).toEqual([id]);
    expect(ids([{ Name: 'mac-address', Values: [eni!.MacAddress!] }])).toEqual([id]);
    expect(ids([{ Name: 'subnet-id', Values: [eni!.SubnetId!] }])).toContain(id);
    expect(ids([{ Name: 'vpc-id', Values: [eni!.VpcId!] }])).toHaveLength(2);
    expect(ids([{ Name: 'group-id', Values: [eni!.Groups![0]!.GroupId!] }])).toHaveLength(2);
    expect(ids([{ Name: 'status', Values: ['available'] }])).toEqual([]);
    expect(ids([{ Name: 'availability-zone', Values: [eni!.AvailabilityZone!] }])).toContain(id);
    lab.ec2('CreateTags', { Resources: [id], Tags: [{ Key: 'role', Value: 'web' }] });
    expect(ids([{ Name: 'tag:role', Values: ['web'] }])).toEqual([id]);
    expect(lab.ec2Error('DescribeNetworkInterfaces', { NetworkInterfaceIds: ['eni-0123456789abcdef0'] }).code).toBe(
      'InvalidNetworkInterfaceID.NotFound',
    );
    expect(lab.ec2Error('DescribeNetworkInterfaces', { NetworkInterfaceIds: ['nic-1'] }).code).toBe(
      'InvalidNetworkInterfaceID.Malformed',
    );
  });
});

describe('ModifyNetworkInterfaceAttribute', () => {
  it("replaces the interface's groups, and the instance shows them at once", () => {
    const lab = createTestLab();
    const instanceId = lab.launch();
    const id = interfaceOf(lab, instanceId)[0]!.NetworkInterfaceId!;
    const web = create(lab, 'web');
    const admin = create(lab, 'admin');
    expect(lab.ec2('ModifyNetworkInterfaceAttribute', { NetworkInterfaceId: id, Groups: [web, admin] })).toEqual({});
    expect(interfaceOf(lab, instanceId)[0]!.Groups).toEqual([
      { GroupId: web, GroupName: 'web' },
      { GroupId: admin, GroupName: 'admin' },
    ]);
    const instance = lab.ec2('DescribeInstances', { InstanceIds: [instanceId] }).Reservations![0]!.Instances![0]!;
    expect(instance.SecurityGroups!.map((g) => g.GroupId)).toEqual([web, admin]);
  });

  it('refuses unknown and malformed groups, more than five and an empty list, changing nothing', () => {
    const lab = createTestLab();
    const instanceId = lab.launch();
    const [eni] = interfaceOf(lab, instanceId);
    const id = eni!.NetworkInterfaceId!;
    const modify = (Groups: string[]) =>
      lab.ec2Error('ModifyNetworkInterfaceAttribute', { NetworkInterfaceId: id, Groups });
    expect(modify(['sg-0123456789abcdef0'])).toEqual({
      code: 'InvalidGroup.NotFound',
      message: "The security group 'sg-0123456789abcdef0' does not exist",
    });
    expect(modify(['web']).code).toBe('InvalidGroupId.Malformed');
    const six = Array.from({ length: 6 }, (_, i) => create(lab, `g${i}`));
    expect(modify(six).code).toBe('SecurityGroupsPerInterfaceLimitExceeded');
    expect(modify([]).code).toBe('InvalidParameterValue');
    expect(interfaceOf(lab, instanceId)[0]!.Groups).toEqual(eni!.Groups);
  });

  it('changes Description and SourceDestCheck, one attribute per call', () => {
    const lab = createTestLab();
    const instanceId = lab.launch();
    const id = interfaceOf(lab, instanceId)[0]!.NetworkInterfaceId!;
    lab.ec2('ModifyNetworkInterfaceAttribute', { NetworkInterfaceId: id, Description: { Value: 'web front' } });
    lab.ec2('ModifyNetworkInterfaceAttribute', { NetworkInterfaceId: id, SourceDestCheck: { Value: false } });
    expect(interfaceOf(lab, instanceId)[0]).toMatchObject({ Description: 'web front', SourceDestCheck: false });
    expect(
      lab.ec2Error('ModifyNetworkInterfaceAttribute', {
        NetworkInterfaceId: id,
        Description: { Value: 'x' },
        SourceDestCheck: { Value: true },
      }),
    ).toEqual({
      code: 'InvalidParameterCombination',
      message: 'Fields for multiple attribute types specified: description, sourceDestCheck',
    });
    expect(lab.ec2Error('ModifyNetworkInterfaceAttribute', { NetworkInterfaceId: id }).code).toBe(
      'InvalidParameterCombination',
    );
    expect(
      lab.ec2Error('ModifyNetworkInterfaceAttribute', {
        NetworkInterfaceId: id,
        EnaSrdSpecification: { EnaSrdEnabled: true },
      }),
    ).toMatchObject({ code: 'UnsupportedOperation', message: expect.stringContaining('EnaSrdSpecification') });
    expect(
      lab.ec2Error('ModifyNetworkInterfaceAttribute', {
        NetworkInterfaceId: 'eni-0123456789abcdef0',
        Description: { Value: 'x' },
      }).code,
    ).toBe('InvalidNetworkInterfaceID.NotFound');
  });
});
