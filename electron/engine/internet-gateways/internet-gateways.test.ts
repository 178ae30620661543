/**
 * Internet gateways on the engine: create with tags, attach to one VPC (a gateway twice, or a second
 * gateway to a VPC, refused), detach (`Gateway.NotAttached` when not attached there), delete (an
 * attached one is a `DependencyViolation`), describe with filters, and restart.
 */
import { describe, expect, it } from 'vitest';
import { createTestLab } from '../test-support/test-lab';

describe('internet gateways', () => {
  it('are created, attached, detached and deleted with AWS’s rules', () => {
    const lab = createTestLab();
    const VpcId = lab.ec2('CreateVpc', { CidrBlock: '10.0.0.0/16' }).Vpc!.VpcId!;
    const otherVpc = lab.ec2('CreateVpc', { CidrBlock: '10.1.0.0/16' }).Vpc!.VpcId!;
    const { InternetGateway } = lab.ec2('CreateInternetGateway', {
      TagSpecifications: [{ ResourceType: 'internet-gateway', Tags: [{ Key: 'Name', Value: 'lab-igw' }] }],
    });
    const InternetGatewayId = InternetGateway!.InternetGatewayId!;
    expect(InternetGateway).toEqual({
      Attachments: [],
      InternetGatewayId,
      OwnerId: lab.lab('GetStatus', {}).accountId,
      Tags: [{ Key: 'Name', Value: 'lab-igw' }],
    });
    expect(InternetGatewayId).toMatch(/^igw-[0-9a-f]{17}$/);
    expect(lab.ec2Error('DetachInternetGateway', { InternetGatewayId, VpcId })).toEqual({
      code: 'Gateway.NotAttached',
      message: `resource ${InternetGatewayId} is not attached to network ${VpcId}`,
    });
    expect(lab.ec2('AttachInternetGateway', { InternetGatewayId, VpcId })).toEqual({});
    expect(lab.ec2Error('AttachInternetGateway', { InternetGatewayId, VpcId: otherVpc })).toEqual({
      code: 'Resource.AlreadyAssociated',
      message: `resource ${InternetGatewayId} is already attached to network ${VpcId}`,
    });
    const second = lab.ec2('CreateInternetGateway', {}).InternetGateway!.InternetGatewayId!;
    expect(lab.ec2Error('AttachInternetGateway', { InternetGatewayId: second, VpcId }).code).toBe(
      'InvalidParameterValue',
    );
    expect(lab.ec2Error('DeleteInternetGateway', { InternetGatewayId })).toEqual({
      code: 'DependencyViolation',
      message: `The internetGateway '${InternetGatewayId}' has dependencies and cannot be deleted.`,
    });
    expect(
      lab
        .ec2('DescribeInternetGateways', { Filters: [{ Name: 'attachment.vpc-id', Values: [VpcId] }] })
        .InternetGateways!.map((g) => g.InternetGatewayId),
    ).toEqual([InternetGatewayId]);
    expect(
      lab.ec2('DescribeInternetGateways', { Filters: [{ Name: 'tag:Name', Values: ['lab-igw'] }] }).InternetGateways,
    ).toHaveLength(1);
    const restarted = lab.reopen();
    expect(
      restarted.ec2('DescribeInternetGateways', { InternetGatewayIds: [InternetGatewayId] }).InternetGateways![0]!
        .Attachments,
    ).toEqual([{ State: 'available', VpcId }]);
    restarted.ec2('DetachInternetGateway', { InternetGatewayId, VpcId });
    expect(restarted.ec2('DeleteInternetGateway', { InternetGatewayId })).toEqual({});
    expect(restarted.ec2Error('DescribeInternetGateways', { InternetGatewayIds: [InternetGatewayId] })).toEqual({
      code: 'InvalidInternetGatewayID.NotFound',
      message: `The internetGateway ID '${InternetGatewayId}' does not exist`,
    });
    expect(
      restarted.ec2Error('AttachInternetGateway', { InternetGatewayId: second, VpcId: 'vpc-0123456789abcdef0' }).code,
    ).toBe('InvalidVpcID.NotFound');
  });
});
