/**
 * The instances family: launch, describe, the lifecycle (start, stop, hibernate, reboot, terminate)
 * and instance attributes, by EC2's operation names. Look here to find where an instance operation lives.
 */
import { defineFamily } from '../resource-family';
import { describeInstanceStatus, describeInstances } from './describe-instances';
import { describeInstanceAttribute, modifyInstanceAttribute } from './instance-attributes';
import { advanceInstances, requestStateChange } from './instance-lifecycle';
import { INSTANCES } from './instance-record';
import { checkImportedInstance } from './imported-instance';
import { runInstances } from './run-instances';

export const INSTANCES_FAMILY = defineFamily({
  name: 'instances',
  collection: INSTANCES,
  importCheck: checkImportedInstance,
  activityIdKeys: ['InstanceIds', 'InstanceId'],
  createdIdKey: 'InstanceId',
  advance: advanceInstances,
  handlers: {
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
  },
});
