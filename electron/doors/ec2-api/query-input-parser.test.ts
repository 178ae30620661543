import { describe, expect, it } from 'vitest';
import { EC2_OPERATION_NAMES } from '../../../shared/ec2-operations';
import { Ec2ApiError } from './ec2-api-errors';
import { findOperation, resolveShape } from '../common/ec2-model';
import { parseQueryInput } from './query-input-parser';

function parse(action: string, params: Record<string, string>): Record<string, unknown> {
  return parseQueryInput(findOperation(action)!.input, new Map(Object.entries(params)));
}

function parseError(action: string, params: Record<string, string>): { code: string; message: string } {
  try {
    parse(action, params);
  } catch (error) {
    if (error instanceof Ec2ApiError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected an error');
}

describe('EC2 query parameters → SDK-shaped input, from the real model', () => {
  it('serves every operation the lab lists from the copied model', () => {
    for (const name of EC2_OPERATION_NAMES) expect(findOperation(name), name).toBeDefined();
  });

  it('reads flattened lists of strings in index order, not key order', () => {
    expect(
      parse('DescribeInstances', { 'InstanceId.2': 'i-2', 'InstanceId.10': 'i-10', 'InstanceId.1': 'i-1' }),
    ).toEqual({ InstanceIds: ['i-1', 'i-2', 'i-10'] });
  });

  it('reads filters: lists of structures holding lists, with booleans and integers', () => {
    expect(
      parse('DescribeInstances', {
        'Filter.1.Name': 'instance-state-name',
        'Filter.1.Value.1': 'running',
        'Filter.1.Value.2': 'stopped',
        'Filter.2.Name': 'tag:Name',
        'Filter.2.Value.1': 'web server',
        MaxResults: '5',
        NextToken: 'abc',
        DryRun: 'false',
      }),
    ).toEqual({
      Filters: [
        { Name: 'instance-state-name', Values: ['running', 'stopped'] },
        { Name: 'tag:Name', Values: ['web server'] },
      ],
      MaxResults: 5,
      NextToken: 'abc',
      DryRun: false,
    });
  });

  it('reads RunInstances: tag specifications, block devices with nested Ebs, security groups', () => {
    expect(
      parse('RunInstances', {
        ImageId: 'ami-0123456789abcdef0',
        InstanceType: 't3.micro',
        MinCount: '1',
        MaxCount: '2',
        KeyName: 'my-key',
        'SecurityGroupId.1': 'sg-1',
        'TagSpecification.1.ResourceType': 'instance',
        'TagSpecification.1.Tag.1.Key': 'Name',
        'TagSpecification.1.Tag.1.Value': 'web',
        'TagSpecification.1.Tag.2.Key': 'env',
        'TagSpecification.1.Tag.2.Value': '',
        'BlockDeviceMapping.1.DeviceName': '/dev/xvda',
        'BlockDeviceMapping.1.Ebs.VolumeSize': '30',
        'BlockDeviceMapping.1.Ebs.VolumeType': 'gp3',
        'BlockDeviceMapping.1.Ebs.DeleteOnTermination': 'true',
        'Placement.AvailabilityZone': 'ap-northeast-2a',
        'Monitoring.Enabled': 'false',
        DisableApiTermination: 'true',
      }),
    ).toEqual({
      ImageId: 'ami-0123456789abcdef0',
      InstanceType: 't3.micro',
      MinCount: 1,
      MaxCount: 2,
      KeyName: 'my-key',
      SecurityGroupIds: ['sg-1'],
      TagSpecifications: [
        {
          ResourceType: 'instance',
          Tags: [
            { Key: 'Name', Value: 'web' },
            { Key: 'env', Value: '' },
          ],
        },
      ],
      BlockDeviceMappings: [
        { DeviceName: '/dev/xvda', Ebs: { VolumeSize: 30, VolumeType: 'gp3', DeleteOnTermination: true } },
      ],
      Placement: { AvailabilityZone: 'ap-northeast-2a' },
      Monitoring: { Enabled: false },
      DisableApiTermination: true,
    });
  });

  it('uses queryName where the model gives one (NetworkInterface.N.PrivateIpAddresses)', () => {
    expect(
      parse('RunInstances', {
        MinCount: '1',
        MaxCount: '1',
        'NetworkInterface.1.DeviceIndex': '0',
        'NetworkInterface.1.PrivateIpAddresses.1.PrivateIpAddress': '172.31.0.10',
        'NetworkInterface.1.PrivateIpAddresses.1.Primary': 'true',
      }),
    ).toMatchObject({
      NetworkInterfaces: [{ DeviceIndex: 0, PrivateIpAddresses: [{ PrivateIpAddress: '172.31.0.10', Primary: true }] }],
    });
  });

  it('reads CreateTags (ResourceId.N, Tag.N.Key) and ModifyInstanceAttribute attribute values', () => {
    expect(parse('CreateTags', { 'ResourceId.1': 'i-1', 'Tag.1.Key': 'Name', 'Tag.1.Value': 'a&b <c>' })).toEqual({
      Resources: ['i-1'],
      Tags: [{ Key: 'Name', Value: 'a&b <c>' }],
    });
    expect(parse('ModifyInstanceAttribute', { InstanceId: 'i-1', 'InstanceType.Value': 't3.small' })).toEqual({
      InstanceId: 'i-1',
      InstanceType: { Value: 't3.small' },
    });
  });

  it('reads timestamps as Dates and blobs from base64', () => {
    const history = parse('DescribeSpotPriceHistory', { StartTime: '2026-11-25T18:22:18Z' });
    expect(history.StartTime).toEqual(new Date('2026-11-25T18:22:18.000Z'));
    const imported = parse('ImportKeyPair', {
      KeyName: 'k',
      PublicKeyMaterial: Buffer.from('ssh-ed25519 AAA').toString('base64'),
    });
    expect(Buffer.from(imported.PublicKeyMaterial as Uint8Array).toString()).toBe('ssh-ed25519 AAA');
  });

  it('reads maps as Name.N.Key / Name.N.Value (the EC2 model has none; a synthetic shape)', () => {
    const shape = resolveShape({
      type: 'structure',
      members: { Labels: { type: 'map', key: {}, value: { type: 'integer' } } },
    } as never);
    const input = parseQueryInput(
      shape,
      new Map([
        ['Labels.1.Key', 'a'],
        ['Labels.1.Value', '1'],
        ['Labels.2.Key', 'b'],
        ['Labels.2.Value', '2'],
      ]),
    );
    expect(input).toEqual({ Labels: { a: 1, b: 2 } });
  });

  it('names a missing required parameter by its query name', () => {
    expect(parseError('StopInstances', {})).toEqual({
      code: 'MissingParameter',
      message: 'The request must contain the parameter InstanceId',
    });
    expect(parseError('RunInstances', { MinCount: '1', MaxCount: '1', 'Monitoring.Foo': 'x' }).code).toBe(
      'UnknownParameter',
    );
    expect(parseError('RunInstances', { MinCount: '1', MaxCount: '1', CreditSpecification: '' })).toEqual({
      code: 'MissingParameter',
      message: 'The request must contain the parameter CreditSpecification.CpuCredits',
    });
  });

  it('refuses values of the wrong type with InvalidParameterValue', () => {
    for (const [params, expected] of [
      [{ MinCount: 'one', MaxCount: '1' }, 'Integer'],
      [{ MinCount: '1.5', MaxCount: '1' }, 'Integer'],
      [{ MinCount: '99999999999', MaxCount: '1' }, 'Integer'],
      [{ MinCount: '1', MaxCount: '1', DisableApiTermination: 'yes' }, 'Boolean'],
      [{ MinCount: '1', MaxCount: '1', 'BlockDeviceMapping.1.Ebs': 'big' }, 'structure'],
    ] as const) {
      const error = parseError('RunInstances', params);
      expect(error.code).toBe('InvalidParameterValue');
      expect(error.message).toContain(`Expected: '${expected}'`);
    }
    expect(parseError('DescribeSpotPriceHistory', { StartTime: 'yesterday' }).code).toBe('InvalidParameterValue');
    expect(parseError('ImportKeyPair', { KeyName: 'k', PublicKeyMaterial: '***' }).code).toBe('InvalidParameterValue');
  });

  it('refuses parameters the operation does not have, and list indexes that are not 1, 2, …', () => {
    expect(parseError('DescribeInstances', { InstanceIds: 'i-1' })).toEqual({
      code: 'UnknownParameter',
      message: 'The parameter InstanceIds is not recognized',
    });
    expect(parseError('DescribeInstances', { 'InstanceId.0': 'i-1' }).message).toBe(
      'The parameter InstanceId.0 is not recognized',
    );
    expect(parseError('DescribeInstances', { 'InstanceId.x': 'i-1' }).code).toBe('UnknownParameter');
    expect(parseError('DescribeInstances', { 'Filter.1.Name.Deep': 'x' }).message).toBe(
      'The parameter Filter.1.Name.Deep is not recognized',
    );
    expect(() => parseQueryInput(findOperation('DescribeRegions')!.input, new Map([['__proto__', 'x']]))).toThrow(
      'The parameter __proto__ is not recognized',
    );
  });
});
