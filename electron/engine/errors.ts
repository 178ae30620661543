/**
 * Engine errors: thrown inside a command, turned into plain `ApiError` data at the dispatcher.
 * Every error the engine raises is made here, by one named factory per AWS code and message shape
 * (as moto's `exceptions.py` does), so each of AWS's texts exists once. Codes and messages are
 * AWS's own (EC2 API Reference: errors-overview). Lint forbids `new Ec2Error(` anywhere else.
 */
import { ErrorCode, type ApiError, type ErrorCodeName } from '../../shared/errors';

export class Ec2Error extends Error {
  constructor(
    readonly code: ErrorCodeName,
    message: string,
  ) {
    super(message);
    this.name = code;
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message };
  }
}

const fail = (code: ErrorCodeName, message: string) => new Ec2Error(code, message);
const quote = (ids: readonly string[]) => ids.join(', ');
const malformed = (code: ErrorCodeName, prefix: string) => (id: string) =>
  fail(code, `Invalid id: "${id}" (expecting "${prefix}-...")`);

export const errors = {
  // Requests (errors-overview: common client errors).
  invalidAction: (operation: string) =>
    fail(ErrorCode.InvalidAction, `The action ${operation} is not valid for this web service.`),
  missingParameter: (name: string) =>
    fail(ErrorCode.MissingParameter, `The request must contain the parameter ${name}`),
  invalidParameterValue: (message: string) => fail(ErrorCode.InvalidParameterValue, message),
  invalidParameterCombination: (message: string) => fail(ErrorCode.InvalidParameterCombination, message),
  invalidParameter: (message: string) => fail(ErrorCode.InvalidParameter, message),
  invalidFilter: (name: string) => fail(ErrorCode.InvalidParameterValue, `The filter '${name}' is invalid`),
  invalidNextToken: () => fail(ErrorCode.InvalidNextToken, 'The token provided is invalid'),
  invalidRegion: (region: string) =>
    fail(ErrorCode.InvalidRegion, `The region '${region}' does not exist or is not available to this lab.`),
  invalidAvailabilityZone: (zone: string) =>
    fail(ErrorCode.InvalidParameterValue, `Invalid availability zone: [${zone}]`),
  dryRunOperation: () => fail(ErrorCode.DryRunOperation, 'Request would have succeeded, but DryRun flag is set.'),
  internalError: (requestId?: string) =>
    fail(
      ErrorCode.InternalError,
      requestId ? `An internal error has occurred (request id ${requestId}).` : 'An internal error has occurred.',
    ),
  labNotSaved: (reason: string) =>
    fail(ErrorCode.InternalError, `The lab could not save this change, so nothing was changed: ${reason}.`),
  shuttingDown: () => fail(ErrorCode.InternalError, 'The lab is shutting down.'),

  // Resource ids: malformed and not found, one shape per family (errors-overview: client errors).
  invalidId: (id: string) => fail(ErrorCode.InvalidID, `The ID '${id}' is not valid`),
  instanceIdMalformed: malformed(ErrorCode.InvalidInstanceIdMalformed, 'i'),
  instanceIdNotFound: (ids: readonly string[]) =>
    fail(
      ErrorCode.InvalidInstanceIdNotFound,
      ids.length === 1 ? `The instance ID '${ids[0]}' does not exist` : `The instance IDs '${quote(ids)}' do not exist`,
    ),
  amiIdMalformed: malformed(ErrorCode.InvalidAmiIdMalformed, 'ami'),
  amiIdNotFound: (ids: readonly string[]) =>
    fail(ErrorCode.InvalidAmiIdNotFound, `The image id '[${quote(ids)}]' does not exist`),
  volumeIdMalformed: malformed(ErrorCode.InvalidVolumeIdMalformed, 'vol'),
  volumeNotFound: (ids: readonly string[]) =>
    fail(
      ErrorCode.InvalidVolumeNotFound,
      ids.length === 1 ? `The volume '${ids[0]}' does not exist.` : `The volumes '${quote(ids)}' do not exist.`,
    ),
  networkInterfaceIdMalformed: malformed(ErrorCode.InvalidNetworkInterfaceIdMalformed, 'eni'),
  networkInterfaceIdNotFound: (ids: readonly string[]) =>
    fail(ErrorCode.InvalidNetworkInterfaceIdNotFound, `The networkInterface ID '${ids[0]}' does not exist`),
  vpcIdNotFound: (ids: readonly string[]) =>
    fail(ErrorCode.InvalidVpcIdNotFound, `The vpc ID '${ids[0]}' does not exist`),
  subnetIdNotFound: (ids: readonly string[]) =>
    fail(ErrorCode.InvalidSubnetIdNotFound, `The subnet ID '${ids[0]}' does not exist`),
  keyPairNotFound: (name: string) => fail(ErrorCode.InvalidKeyPairNotFound, `The key pair '${name}' does not exist`),
  keyPairDuplicate: (name: string) => fail(ErrorCode.InvalidKeyPairDuplicate, `The keypair '${name}' already exists.`),
  invalidKeyFormat: () => fail(ErrorCode.InvalidKeyFormat, 'Key is not in valid OpenSSH public key format'),
  instanceTypesNotFound: (names: readonly string[]) =>
    fail(ErrorCode.InvalidInstanceType, `The following supplied instance types do not exist: [${quote(names)}]`),

  // Instances (EC2 User Guide: ec2-instance-lifecycle, RunInstances).
  incorrectInstanceState: (message: string) => fail(ErrorCode.IncorrectInstanceState, message),
  operationNotPermitted: (message: string) => fail(ErrorCode.OperationNotPermitted, message),
  unsupportedOperation: (message: string) => fail(ErrorCode.UnsupportedOperation, message),
  unsupportedHibernation: (message: string) => fail(ErrorCode.UnsupportedHibernationConfiguration, message),
  invalidInstanceType: (type: string) =>
    fail(ErrorCode.InvalidParameterValue, `Invalid value '${type}' for InstanceType.`),
  instanceLimitExceeded: (requested: number, perRequest: number) =>
    fail(
      ErrorCode.InstanceLimitExceeded,
      `Your quota allows for 0 more running instance(s). You requested at least ${requested}. EC2 Lab launches at most ${perRequest} instances per request.`,
    ),
  volumeSmallerThanSnapshot: (sizeGiB: number, snapshotId: string, snapshotGiB: number) =>
    fail(
      ErrorCode.InvalidBlockDeviceMapping,
      `Volume of size ${sizeGiB}GB is smaller than snapshot '${snapshotId}', expect size >= ${snapshotGiB}GB`,
    ),
  insufficientFreeAddresses: (subnetId: string) =>
    fail(
      ErrorCode.InsufficientFreeAddressesInSubnet,
      `There are not enough free addresses in subnet '${subnetId}' to satisfy the requested number of instances.`,
    ),
  typeNotInRegion: (type: string, region: string) =>
    fail(
      ErrorCode.Unsupported,
      `The requested configuration is currently not supported. Your requested instance type (${type}) is not supported in region ${region}.`,
    ),
  typeNotInZone: (type: string, zone: string, offeringZones: readonly string[]) =>
    fail(
      ErrorCode.Unsupported,
      `Your requested instance type (${type}) is not supported in your requested Availability Zone (${zone}). Please retry your request by not specifying an Availability Zone or choosing ${offeringZones.join(', ')}.`,
    ),

  /** A member the lab does not simulate: refused, never silently dropped. */
  notSimulated: (operation: string, member: string) =>
    fail(
      ErrorCode.UnsupportedOperation,
      `EC2 Lab does not simulate ${member} of ${operation} yet, so it refuses the request rather than ignore it. Leave ${member} out to go on.`,
    ),

  // Security groups (EC2 API Reference: errors-overview; API_CreateSecurityGroup, API_AuthorizeSecurityGroupIngress).
  securityGroupNotFound: (group: string) =>
    fail(ErrorCode.InvalidGroupNotFound, `The security group '${group}' does not exist`),
  securityGroupNotFoundInVpc: (group: string, vpcId: string, isDefault: boolean) =>
    fail(
      ErrorCode.InvalidGroupNotFound,
      `The security group '${group}' does not exist in ${isDefault ? 'default ' : ''}VPC '${vpcId}'`,
    ),
  securityGroupIdMalformed: (id: string) =>
    fail(ErrorCode.InvalidGroupIdMalformed, `Invalid id: "${id}" (expecting "sg-...")`),
  securityGroupDuplicate: (name: string, vpcId: string) =>
    fail(ErrorCode.InvalidGroupDuplicate, `The security group '${name}' already exists for VPC '${vpcId}'`),
  securityGroupCannotDelete: (groupId: string, name: string) =>
    fail(ErrorCode.CannotDelete, `the specified group: "${groupId}" name: "${name}" cannot be deleted by a user`),
  dependencyViolation: (resourceId: string) =>
    fail(ErrorCode.DependencyViolation, `resource ${resourceId} has a dependent object`),
  permissionDuplicate: (rule: string) =>
    fail(ErrorCode.InvalidPermissionDuplicate, `the specified rule "${rule}" already exists`),
  permissionNotFound: () =>
    fail(ErrorCode.InvalidPermissionNotFound, 'The specified rule does not exist in this security group.'),
  securityGroupRuleIdMalformed: (id: string) =>
    fail(ErrorCode.InvalidSecurityGroupRuleIdMalformed, `Invalid id: "${id}" (expecting "sgr-...")`),
  securityGroupRuleIdNotFound: (ids: readonly string[]) =>
    fail(
      ErrorCode.InvalidSecurityGroupRuleIdNotFound,
      `The security group rule ID${ids.length === 1 ? '' : 's'} '${quote(ids)}' does not exist`,
    ),
  rulesPerSecurityGroupLimitExceeded: () =>
    fail(
      ErrorCode.RulesPerSecurityGroupLimitExceeded,
      'The maximum number of rules per security group has been reached.',
    ),
  securityGroupsPerInterfaceLimitExceeded: () =>
    fail(
      ErrorCode.SecurityGroupsPerInterfaceLimitExceeded,
      'The maximum number of security groups per interface has been reached.',
    ),

  // VPC networking (EC2 API Reference: errors-overview; API_CreateVpc, API_CreateSubnet, API_AttachInternetGateway,
  // API_CreateRoute, API_AssociateRouteTable, API_CreateNetworkAclEntry).
  invalidCidrBlock: (cidr: string, parameter = 'cidrBlock') =>
    fail(
      ErrorCode.InvalidParameterValue,
      `Value (${cidr}) for parameter ${parameter} is invalid. This is not a valid CIDR block.`,
    ),
  vpcRange: (cidr: string) => fail(ErrorCode.InvalidVpcRange, `The CIDR '${cidr}' is invalid.`),
  subnetRange: (cidr: string) => fail(ErrorCode.InvalidSubnetRange, `The CIDR '${cidr}' is invalid.`),
  subnetConflict: (cidr: string) =>
    fail(ErrorCode.InvalidSubnetConflict, `The CIDR '${cidr}' conflicts with another subnet`),
  /** "The vpc 'vpc-…' has dependencies and cannot be deleted." — AWS's DependencyViolation for VPC resources. */
  hasDependencies: (kind: string, resourceId: string) =>
    fail(ErrorCode.DependencyViolation, `The ${kind} '${resourceId}' has dependencies and cannot be deleted.`),
  internetGatewayIdNotFound: (ids: readonly string[]) =>
    fail(ErrorCode.InvalidInternetGatewayIdNotFound, `The internetGateway ID '${ids[0]}' does not exist`),
  routeTableIdNotFound: (ids: readonly string[]) =>
    fail(ErrorCode.InvalidRouteTableIdNotFound, `The routeTable ID '${ids[0]}' does not exist`),
  networkAclIdNotFound: (ids: readonly string[]) =>
    fail(ErrorCode.InvalidNetworkAclIdNotFound, `The networkAcl ID '${ids[0]}' does not exist`),
  associationIdNotFound: (associationId: string) =>
    fail(ErrorCode.InvalidAssociationIdNotFound, `The association ID '${associationId}' does not exist`),
  vpcCidrAssociationNotFound: (associationId: string) =>
    fail(
      ErrorCode.InvalidVpcCidrBlockAssociationIdNotFound,
      `The vpc CIDR block association ID '${associationId}' does not exist`,
    ),
  cidrLimitExceeded: (vpcId: string, limit: number) =>
    fail(ErrorCode.CidrLimitExceeded, `This network '${vpcId}' has met its maximum number of allowed CIDRs: ${limit}`),
  gatewayAlreadyAttached: (gatewayId: string, vpcId: string) =>
    fail(ErrorCode.ResourceAlreadyAssociated, `resource ${gatewayId} is already attached to network ${vpcId}`),
  vpcHasGateway: (vpcId: string) =>
    fail(ErrorCode.InvalidParameterValue, `Network ${vpcId} already has an internet gateway attached`),
  gatewayNotAttached: (gatewayId: string, vpcId: string) =>
    fail(ErrorCode.GatewayNotAttached, `resource ${gatewayId} is not attached to network ${vpcId}`),
  routeAlreadyExists: (cidr: string) =>
    fail(ErrorCode.RouteAlreadyExists, `The route identified by ${cidr} already exists.`),
  routeNotFound: (routeTableId: string, cidr: string) =>
    fail(ErrorCode.InvalidRouteNotFound, `no route with destination-cidr-block ${cidr} in route table ${routeTableId}`),
  differentNetworks: (routeTableId: string, gatewayId: string) =>
    fail(
      ErrorCode.InvalidParameterValue,
      `route table ${routeTableId} and network gateway ${gatewayId} belong to different networks`,
    ),
  associationConflict: (routeTableId: string) =>
    fail(
      ErrorCode.ResourceAlreadyAssociated,
      `the specified association for route table ${routeTableId} conflicts with an existing association`,
    ),
  networkAclEntryExists: (ruleNumber: number) =>
    fail(ErrorCode.NetworkAclEntryAlreadyExists, `The network acl entry identified by ${ruleNumber} already exists.`),
  networkAclEntryNotFound: (ruleNumber: number, egress: boolean, aclId: string) =>
    fail(
      ErrorCode.InvalidNetworkAclEntryNotFound,
      `The ${egress ? 'egress' : 'ingress'} entry ${ruleNumber} of network acl '${aclId}' does not exist`,
    ),
  defaultNetworkAclCannotDelete: (aclId: string) =>
    fail(ErrorCode.InvalidParameterValue, `cannot delete default network ACL ${aclId}`),

  // Tags (EC2 User Guide: Using_Tags).
  tagLimitExceeded: () =>
    fail(ErrorCode.TagLimitExceeded, 'The maximum number of Tags for a resource has been reached.'),

  // The lab's own operations.
  invalidLabFile: (message: string) => fail(ErrorCode.InvalidLabFile, message),
};
