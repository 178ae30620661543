import { describe, expect, it } from 'vitest';
import { EC2_OPERATION_NAMES } from '../../shared/ec2-operations';
import { EC2_HANDLERS } from './ec2-handlers';
import { FAMILIES, RESOURCE_COLLECTIONS } from './families';
import { createTestLab } from './test-support/test-lab';

describe('the family list', () => {
  it('serves every EC2 operation of the contract from exactly one family', () => {
    const owners = new Map<string, string[]>();
    for (const family of FAMILIES) {
      for (const operation of Object.keys(family.handlers))
        owners.set(operation, [...(owners.get(operation) ?? []), family.name]);
    }
    for (const operation of EC2_OPERATION_NAMES) {
      expect(owners.get(operation), operation).toHaveLength(1);
      expect(typeof EC2_HANDLERS[operation]).toBe('function');
    }
    expect([...owners.keys()].filter((name) => !(EC2_OPERATION_NAMES as readonly string[]).includes(name))).toEqual([]);
  });

  it('gives every collection one name, every resource one id prefix, and each an import check', () => {
    const names = FAMILIES.flatMap((family) => (family.collection ? [family.collection.name] : []));
    expect(new Set(names).size).toBe(names.length);
    const prefixes = RESOURCE_COLLECTIONS.map((c) => c.idPrefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const family of FAMILIES) if (family.collection) expect(family.importCheck, family.name).toBeDefined();
  });

  it('tags every taggable family by its id, and answers its own NotFound for a missing one', () => {
    const lab = createTestLab();
    const id = lab.launch();
    const instance = lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!;
    const resources = {
      instance: id,
      volume: instance.BlockDeviceMappings![0]!.Ebs!.VolumeId!,
      'network-interface': instance.NetworkInterfaces![0]!.NetworkInterfaceId!,
      vpc: instance.VpcId!,
      subnet: instance.SubnetId!,
    };
    lab.ec2('CreateTags', { Resources: Object.values(resources), Tags: [{ Key: 'lab', Value: 'yes' }] });
    const tagged = lab.ec2('DescribeTags', { Filters: [{ Name: 'key', Values: ['lab'] }] }).Tags!;
    expect(Object.fromEntries(tagged.map((t) => [t.ResourceType, t.ResourceId]))).toEqual(resources);
    const missing = {
      instance: ['i-0123456789abcdef0', 'InvalidInstanceID.NotFound'],
      volume: ['vol-0123456789abcdef0', 'InvalidVolume.NotFound'],
      'network-interface': ['eni-0123456789abcdef0', 'InvalidNetworkInterfaceID.NotFound'],
      vpc: ['vpc-0123456789abcdef0', 'InvalidVpcID.NotFound'],
      subnet: ['subnet-0123456789abcdef0', 'InvalidSubnetID.NotFound'],
      snapshot: ['snap-0123456789abcdef0', 'InvalidSnapshot.NotFound'],
      image: ['ami-0123456789abcdef0', 'InvalidAMIID.NotFound'],
    };
    for (const [resource, code] of Object.values(missing)) {
      expect(lab.ec2Error('CreateTags', { Resources: [resource!], Tags: [{ Key: 'k', Value: 'v' }] }).code).toBe(code);
    }
    expect(lab.ec2Error('CreateTags', { Resources: ['dopt-0123456789abcdef0'], Tags: [{ Key: 'k' }] })).toEqual({
      code: 'InvalidID',
      message: "The ID 'dopt-0123456789abcdef0' is not valid",
    });
  });

  it('keeps each region apart: an id from another region is not found', () => {
    const lab = createTestLab();
    const id = lab.launch({}, 'us-east-1');
    expect(lab.ec2Error('DescribeInstances', { InstanceIds: [id] }, 'ap-northeast-2').code).toBe(
      'InvalidInstanceID.NotFound',
    );
    expect(lab.ec2('DescribeInstances', {}, 'ap-northeast-2').Reservations).toEqual([]);
  });
});
