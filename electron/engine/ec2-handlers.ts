/**
 * Every EC2 operation the engine serves, by AWS's name, and the function that carries it out.
 * Look here first to find where an operation lives.
 */
import type { Ec2OperationName, Ec2Operations } from '../../shared/ec2-operations';
import {
  describeAvailabilityZones,
  describeImages,
  describeInstanceTypeOfferings,
  describeInstanceTypes,
  describeRegions,
} from './catalog/describe-catalog';
import type { EngineContext } from './context';
import { describeInstanceStatus, describeInstances } from './instances/describe-instances';
import { describeInstanceAttribute, modifyInstanceAttribute } from './instances/instance-attributes';
import { requestStateChange } from './instances/instance-lifecycle';
import { runInstances } from './instances/run-instances';
import { describeSubnets, describeVpcs } from './network/describe-network';
import { createTags, deleteTags, describeTags } from './tags/tags';

export type Ec2Handlers = {
  [K in Ec2OperationName]: (
    ctx: EngineContext,
    region: string,
    input: Ec2Operations[K]['input'],
  ) => Ec2Operations[K]['output'];
};

export const EC2_HANDLERS: Ec2Handlers = {
  RunInstances: runInstances,
  DescribeInstances: describeInstances,
  StartInstances: (ctx, region, input) => ({
    StartingInstances: requestStateChange(ctx, region, input.InstanceIds, 'start'),
  }),
  StopInstances: (ctx, region, input) => ({
    StoppingInstances: requestStateChange(ctx, region, input.InstanceIds, input.Hibernate ? 'hibernate' : 'stop'),
  }),
  RebootInstances: (ctx, region, input) => {
    requestStateChange(ctx, region, input.InstanceIds, 'reboot');
    return {};
  },
  TerminateInstances: (ctx, region, input) => ({
    TerminatingInstances: requestStateChange(ctx, region, input.InstanceIds, 'terminate'),
  }),
  ModifyInstanceAttribute: modifyInstanceAttribute,
  DescribeInstanceAttribute: describeInstanceAttribute,
  DescribeInstanceStatus: describeInstanceStatus,
  DescribeInstanceTypes: describeInstanceTypes,
  DescribeInstanceTypeOfferings: describeInstanceTypeOfferings,
  DescribeImages: describeImages,
  DescribeRegions: (ctx, _region, input) => describeRegions(ctx, input),
  DescribeAvailabilityZones: describeAvailabilityZones,
  DescribeVpcs: describeVpcs,
  DescribeSubnets: describeSubnets,
  CreateTags: createTags,
  DeleteTags: deleteTags,
  DescribeTags: describeTags,
};
