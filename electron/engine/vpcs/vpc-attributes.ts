/**
 * ModifyVpcAttribute and DescribeVpcAttribute: DNS resolution (`enableDnsSupport`) and DNS hostnames
 * (`enableDnsHostnames`), one attribute per call. Network address usage metrics are not simulated.
 * EC2 API Reference: API_ModifyVpcAttribute, API_DescribeVpcAttribute; VPC User Guide: vpc-dns.
 */
import type {
  DescribeVpcAttributeRequest,
  DescribeVpcAttributeResult,
  ModifyVpcAttributeRequest,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { refuseUnsimulated } from '../not-simulated';
import { VPCS, dnsAttributesOf } from './vpc-record';

export function modifyVpcAttribute(
  ctx: EngineContext,
  region: string,
  request: ModifyVpcAttributeRequest,
): Record<string, never> {
  refuseUnsimulated('ModifyVpcAttribute', request, ['VpcId', 'EnableDnsSupport', 'EnableDnsHostnames']);
  if (!request.VpcId) throw errors.missingParameter('VpcId');
  const [vpc] = findRecords(ctx, region, VPCS, [request.VpcId]);
  const support = request.EnableDnsSupport?.Value;
  const hostnames = request.EnableDnsHostnames?.Value;
  if (support === undefined && hostnames === undefined) {
    throw errors.invalidParameterCombination('No attributes specified.');
  }
  if (support !== undefined && hostnames !== undefined) {
    throw errors.invalidParameterCombination(
      'Fields for multiple attribute types specified: enableDnsHostnames, enableDnsSupport',
    );
  }
  const record = ctx.records(VPCS).touch(vpc!.vpcId);
  const current = dnsAttributesOf(record);
  record.enableDnsSupport = support ?? current.enableDnsSupport;
  record.enableDnsHostnames = hostnames ?? current.enableDnsHostnames;
  ctx.changed(region, 'vpc', vpc!.vpcId);
  return {};
}

export function describeVpcAttribute(
  ctx: EngineContext,
  region: string,
  request: DescribeVpcAttributeRequest,
): DescribeVpcAttributeResult {
  if (!request.VpcId) throw errors.missingParameter('VpcId');
  if (!request.Attribute) throw errors.missingParameter('Attribute');
  const [vpc] = findRecords(ctx, region, VPCS, [request.VpcId]);
  const attributes = dnsAttributesOf(vpc!);
  switch (request.Attribute) {
    case 'enableDnsSupport':
      return { VpcId: vpc!.vpcId, EnableDnsSupport: { Value: attributes.enableDnsSupport } };
    case 'enableDnsHostnames':
      return { VpcId: vpc!.vpcId, EnableDnsHostnames: { Value: attributes.enableDnsHostnames } };
    case 'enableNetworkAddressUsageMetrics':
      return { VpcId: vpc!.vpcId, EnableNetworkAddressUsageMetrics: { Value: false } };
    default:
      throw errors.invalidParameterValue(
        `Value (${String(request.Attribute)}) for parameter attribute is invalid. Unknown attribute.`,
      );
  }
}
