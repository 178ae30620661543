/**
 * ModifyInstanceAttribute and DescribeInstanceAttribute: one attribute per request.
 * EC2 API Reference: API_ModifyInstanceAttribute (instance type, user data and EBS optimization
 * change only while stopped — EC2 User Guide: ec2-instance-resize; `Groups` replaces the primary
 * network interface's security groups, at once, in any state but terminated).
 */
import type {
  DescribeInstanceAttributeRequest,
  InstanceAttribute,
  ModifyInstanceAttributeRequest,
} from '@aws-sdk/client-ec2';
import { MAX_USER_DATA_BYTES, needsDedicatedHost } from '../../../shared/rules/instances';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { refuseUnsimulated } from '../not-simulated';
import { findInstances } from './find-instances';
import { INSTANCES, type InstanceRecord } from './instance-record';
import { primaryInterface, toInstance } from './instance-view';
import { NETWORK_INTERFACES } from '../network-interfaces/network-interface-record';
import { groupsForInterface } from '../security-groups/find-groups';

type Change =
  | { attribute: 'instanceType'; value: string }
  | { attribute: 'disableApiTermination' | 'disableApiStop' | 'ebsOptimized'; value: boolean }
  | { attribute: 'instanceInitiatedShutdownBehavior'; value: string }
  | { attribute: 'userData'; value: string }
  | { attribute: 'groupSet'; value: string[] };

const ATTRIBUTE_NAMES = [
  'instanceType',
  'disableApiTermination',
  'disableApiStop',
  'ebsOptimized',
  'instanceInitiatedShutdownBehavior',
  'userData',
] as const;

export function modifyInstanceAttribute(ctx: EngineContext, region: string, request: ModifyInstanceAttributeRequest) {
  const [instance] = findInstances(ctx, region, request.InstanceId ? [request.InstanceId] : undefined);
  const change = readChange(request);
  const id = instance!.instanceId;
  const needsStopped =
    change.attribute === 'instanceType' || change.attribute === 'userData' || change.attribute === 'ebsOptimized';
  if (needsStopped && instance!.state !== 'stopped') {
    throw errors.incorrectInstanceState(`The instance '${id}' is not in the 'stopped' state.`);
  }
  const record = ctx.records(INSTANCES).touch(id);
  switch (change.attribute) {
    case 'instanceType':
      applyInstanceType(ctx, record, change.value);
      break;
    case 'disableApiTermination':
      record.disableApiTermination = change.value;
      break;
    case 'disableApiStop':
      record.disableApiStop = change.value;
      break;
    case 'ebsOptimized':
      record.ebsOptimized = change.value;
      break;
    case 'instanceInitiatedShutdownBehavior':
      if (change.value !== 'stop' && change.value !== 'terminate') {
        throw errors.invalidParameterValue(
          `Value (${change.value}) for parameter instanceInitiatedShutdownBehavior is invalid. Expected: 'stop', 'terminate'.`,
        );
      }
      record.shutdownBehavior = change.value;
      break;
    case 'userData':
      record.userData = change.value || undefined;
      break;
    case 'groupSet':
      replaceGroups(ctx, record, change.value);
      break;
  }
  ctx.changed(region, 'instance', id);
  return {};
}

/** The members the lab serves; SourceDestCheck, Kernel, Ramdisk, SriovNetSupport, EnaSupport and BlockDeviceMappings are refused. */
const SERVED_MEMBERS: readonly (keyof ModifyInstanceAttributeRequest)[] = [
  'InstanceId',
  'InstanceType',
  'DisableApiTermination',
  'DisableApiStop',
  'EbsOptimized',
  'InstanceInitiatedShutdownBehavior',
  'UserData',
  'Groups',
  'Attribute',
  'Value',
  'DryRun',
];

function readChange(request: ModifyInstanceAttributeRequest): Change {
  refuseUnsimulated('ModifyInstanceAttribute', request, SERVED_MEMBERS);
  const changes: Change[] = [];
  if (request.InstanceType?.Value !== undefined)
    changes.push({ attribute: 'instanceType', value: request.InstanceType.Value });
  if (request.DisableApiTermination?.Value !== undefined)
    changes.push({ attribute: 'disableApiTermination', value: request.DisableApiTermination.Value });
  if (request.DisableApiStop?.Value !== undefined)
    changes.push({ attribute: 'disableApiStop', value: request.DisableApiStop.Value });
  if (request.EbsOptimized?.Value !== undefined)
    changes.push({ attribute: 'ebsOptimized', value: request.EbsOptimized.Value });
  if (request.InstanceInitiatedShutdownBehavior?.Value !== undefined)
    changes.push({
      attribute: 'instanceInitiatedShutdownBehavior',
      value: request.InstanceInitiatedShutdownBehavior.Value,
    });
  if (request.UserData?.Value !== undefined)
    changes.push({ attribute: 'userData', value: userDataBase64(request.UserData.Value) });
  if (request.Groups !== undefined) changes.push({ attribute: 'groupSet', value: request.Groups });
  if (request.Attribute !== undefined) changes.push(fromAttributeValue(request.Attribute, request.Value));
  if (changes.length === 0) throw errors.invalidParameterCombination('No attributes specified.');
  if (changes.length > 1) {
    throw errors.invalidParameterCombination(
      `Fields for multiple attribute types specified: ${changes.map((c) => c.attribute).join(', ')}`,
    );
  }
  return changes[0]!;
}

function fromAttributeValue(attribute: string, value: string | undefined): Change {
  if (!(ATTRIBUTE_NAMES as readonly string[]).includes(attribute)) {
    throw errors.invalidParameterValue(`Value (${attribute}) for parameter attribute is invalid. Unknown attribute.`);
  }
  if (value === undefined) throw errors.missingParameter('Value');
  const name = attribute as (typeof ATTRIBUTE_NAMES)[number];
  if (name === 'disableApiTermination' || name === 'disableApiStop' || name === 'ebsOptimized') {
    if (value !== 'true' && value !== 'false') {
      throw errors.invalidParameterValue(
        `Value (${value}) for parameter ${name} is invalid. Expected: 'true', 'false'.`,
      );
    }
    return { attribute: name, value: value === 'true' };
  }
  return { attribute: name, value };
}

/**
 * User data is kept base64-encoded, as RunInstances takes it. ModifyInstanceAttribute's value is a
 * blob: the script's bytes, from every door (the Query door decodes the wire's base64, the console
 * doors carry bytes), encoded here (API_ModifyInstanceAttribute: "User data must be base64-encoded.
 * Depending on the tool or SDK that you're using, the base64-encoding might be performed for you").
 * At most 16 KB, as at launch (EC2 User Guide: user-data).
 */
function userDataBase64(value: unknown): string {
  if (!(value instanceof Uint8Array)) throw errors.invalidParameterValue('User data must be given as bytes.');
  if (value.length > MAX_USER_DATA_BYTES) {
    throw errors.invalidParameterValue(`User data is limited to ${MAX_USER_DATA_BYTES} bytes.`);
  }
  let binary = '';
  for (const byte of value) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The primary interface's groups become exactly these, each in its VPC (API_ModifyInstanceAttribute `Groups`). */
function replaceGroups(ctx: EngineContext, record: InstanceRecord, groupIds: readonly string[]): void {
  const primary = record.state === 'terminated' ? undefined : primaryInterface(ctx, record);
  if (!primary)
    throw errors.incorrectInstanceState(
      `The instance '${record.instanceId}' is not in a state from which its security groups can be changed.`,
    );
  if (!groupIds.length) {
    throw errors.invalidParameterValue('Value () for parameter groupId is invalid. The value cannot be empty');
  }
  const groups = groupsForInterface(ctx, record.region, primary.vpcId, primary.subnetId, groupIds, undefined);
  const eni = ctx.records(NETWORK_INTERFACES).touch(primary.networkInterfaceId);
  eni.groups = groups.map((g) => ({ groupId: g.groupId, groupName: g.groupName }));
  ctx.changed(record.region, 'network-interface', eni.networkInterfaceId);
}

function applyInstanceType(ctx: EngineContext, record: InstanceRecord, typeName: string): void {
  const type = ctx.catalog.instanceTypes.find((t) => t.InstanceType === typeName);
  if (!type) throw errors.invalidInstanceType(typeName);
  const archs = (type.ProcessorInfo?.SupportedArchitectures ?? []) as string[];
  if (!archs.includes(record.architecture)) {
    throw errors.invalidParameterValue(
      `The instance type '${typeName}' does not support the '${record.architecture}' architecture of instance '${record.instanceId}'.`,
    );
  }
  if (!ctx.catalog.offerings[record.region]?.[record.availabilityZone]?.includes(typeName)) {
    throw errors.invalidParameterValue(
      `The instance type '${typeName}' is not supported in the Availability Zone '${record.availabilityZone}'.`,
    );
  }
  // EC2 User Guide: hibernating-prerequisites, "Limitations": you can't change the instance type or
  // size of an instance enabled for hibernation.
  if (record.hibernationConfigured && typeName !== record.instanceType) {
    throw errors.unsupportedOperation(
      `The instance '${record.instanceId}' is enabled for hibernation. You can't change the instance type or size of an instance enabled for hibernation.`,
    );
  }
  if (needsDedicatedHost(typeName)) throw errors.dedicatedHostRequired(typeName);
  record.instanceType = typeName;
}

export function describeInstanceAttribute(
  ctx: EngineContext,
  region: string,
  request: DescribeInstanceAttributeRequest,
): InstanceAttribute {
  if (!request.Attribute) throw errors.missingParameter('Attribute');
  const [instance] = findInstances(ctx, region, request.InstanceId ? [request.InstanceId] : undefined);
  const i = instance!;
  const result: InstanceAttribute = { InstanceId: i.instanceId };
  switch (request.Attribute) {
    case 'instanceType':
      return { ...result, InstanceType: { Value: i.instanceType } };
    case 'disableApiTermination':
      return { ...result, DisableApiTermination: { Value: i.disableApiTermination } };
    case 'disableApiStop':
      return { ...result, DisableApiStop: { Value: i.disableApiStop } };
    case 'instanceInitiatedShutdownBehavior':
      return { ...result, InstanceInitiatedShutdownBehavior: { Value: i.shutdownBehavior } };
    case 'userData':
      return { ...result, UserData: i.userData ? { Value: i.userData } : {} };
    case 'rootDeviceName':
      return { ...result, RootDeviceName: { Value: i.rootDeviceName } };
    case 'ebsOptimized':
      return { ...result, EbsOptimized: { Value: i.ebsOptimized } };
    case 'enaSupport':
      return { ...result, EnaSupport: { Value: true } };
    case 'sourceDestCheck':
      return { ...result, SourceDestCheck: { Value: true } };
    case 'groupSet':
      return { ...result, Groups: toInstance(ctx, i).SecurityGroups };
    case 'productCodes':
      return { ...result, ProductCodes: [] };
    case 'blockDeviceMapping':
      return { ...result, BlockDeviceMappings: toInstance(ctx, i).BlockDeviceMappings };
    default:
      throw errors.invalidParameterValue(
        `Value (${request.Attribute}) for parameter attribute is invalid. Unknown attribute.`,
      );
  }
}
