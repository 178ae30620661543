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

  /** The client token named an earlier launch with other parameters (EC2 API Reference: Run_Instance_Idempotency). */
  idempotentParameterMismatch: () =>
    fail(
      ErrorCode.IdempotentParameterMismatch,
      'The client token you provided was already used with different request parameters. Use a new client token for a new request.',
    ),

  /** The region has no default VPC (the learner deleted it); EC2 API Reference: errors-overview. */
  noDefaultVpc: (detail: string) =>
    fail(ErrorCode.VpcIdNotSpecified, `No default VPC for this user${detail ? `. ${detail}` : ''}`),
  defaultVpcAlreadyExists: () =>
    fail(ErrorCode.DefaultVpcAlreadyExists, 'A Default VPC already exists for this account in this region.'),

  /** Mac instances run only on Dedicated Hosts (EC2 User Guide: ec2-mac-instances), which the lab does not simulate. */
  dedicatedHostRequired: (type: string) =>
    fail(
      ErrorCode.Unsupported,
      `The instance type '${type}' can only be launched onto a Dedicated Host (Placement Tenancy 'host'). EC2 Lab does not simulate Dedicated Hosts yet.`,
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

  // Network interfaces (EC2 API Reference: API_CreateNetworkInterface, API_AttachNetworkInterface,
  // API_DetachNetworkInterface, API_DeleteNetworkInterface, API_AssignPrivateIpAddresses).
  networkInterfaceInUse: (networkInterfaceId: string) =>
    fail(ErrorCode.InvalidNetworkInterfaceInUse, `Interface: [${networkInterfaceId}] in use.`),
  networkInterfaceCurrentlyInUse: (networkInterfaceId: string) =>
    fail(ErrorCode.InvalidParameterValue, `Network interface '${networkInterfaceId}' is currently in use.`),
  attachmentIdNotFound: (attachmentId: string) =>
    fail(ErrorCode.InvalidAttachmentIdNotFound, `The network interface attachment ID '${attachmentId}' does not exist`),
  deviceIndexTaken: (instanceId: string, deviceIndex: number) =>
    fail(
      ErrorCode.InvalidParameterValue,
      `Instance '${instanceId}' already has an interface attached at device index '${deviceIndex}'.`,
    ),
  primaryInterfaceCannotDetach: () =>
    fail(
      ErrorCode.OperationNotPermitted,
      'The network interface at device index 0 and networkCard index 0 cannot be detached.',
    ),
  interfaceZoneMismatch: () =>
    fail(
      ErrorCode.InvalidParameterCombination,
      'You may not attach a network interface to an instance if they are not in the same availability zone',
    ),
  attachmentLimitExceeded: (count: number, instanceType: string) =>
    fail(ErrorCode.AttachmentLimitExceeded, `Interface count ${count} exceeds the limit for ${instanceType}`),
  privateIpAddressLimitExceeded: () =>
    fail(ErrorCode.PrivateIpAddressLimitExceeded, 'Number of private addresses will exceed limit.'),
  multipleInterfaces: (instanceId: string) =>
    fail(
      ErrorCode.InvalidInstanceID,
      `There are multiple interfaces attached to instance '${instanceId}'. Please specify an interface ID for the operation instead.`,
    ),
  ipAddressInUse: (address: string) => fail(ErrorCode.InvalidIpAddressInUse, `Address ${address} is in use.`),
  addressOutsideSubnet: () =>
    fail(ErrorCode.InvalidParameterValue, "Address does not fall within the subnet's address range"),
  addressReservedInSubnet: () => fail(ErrorCode.InvalidParameterValue, "Address is in subnet's reserved address range"),
  addressNotOnInterface: (address: string, networkInterfaceId: string) =>
    fail(ErrorCode.InvalidParameterValue, `${address} is not mapped to the interface ${networkInterfaceId}`),
  addressesNotAssigned: (networkInterfaceId: string) =>
    fail(
      ErrorCode.InvalidParameterValue,
      `Some of the specified addresses are not assigned to interface ${networkInterfaceId}`,
    ),

  // Elastic IP addresses (EC2 API Reference: API_AllocateAddress, API_AssociateAddress,
  // API_DisassociateAddress, API_ReleaseAddress, API_DescribeAddresses).
  allocationIdNotFound: (ids: readonly string[]) =>
    fail(ErrorCode.InvalidAllocationIdNotFound, `The allocation ID '${ids[0]}' does not exist`),
  associationIdNotFound: (associationId: string) =>
    fail(ErrorCode.InvalidAssociationIdNotFound, `The association ID '${associationId}' does not exist`),
  addressNotFound: (publicIp: string) => fail(ErrorCode.InvalidAddressNotFound, `Address '${publicIp}' not found.`),
  addressAlreadyAssociated: (allocationId: string, associationId: string) =>
    fail(
      ErrorCode.ResourceAlreadyAssociated,
      `resource ${allocationId} is already associated with associate-id ${associationId}`,
    ),
  addressLimitExceeded: () => fail(ErrorCode.AddressLimitExceeded, 'The maximum number of addresses has been reached.'),

  // Launch templates (EC2 API Reference: errors-overview; API_CreateLaunchTemplate, API_DescribeLaunchTemplates).
  launchTemplateIdMalformed: (id: string) =>
    fail(
      ErrorCode.InvalidLaunchTemplateIdMalformed,
      `The specified ID for the launch template, ${id}, is malformed. Ensure that you specify the launch template ID in the form lt-xxxxxxxxxxxxxxxxx.`,
    ),
  launchTemplateIdNotFound: (id: string) =>
    fail(
      ErrorCode.InvalidLaunchTemplateIdNotFound,
      `The specified launch template, with template ID ${id}, does not exist.`,
    ),
  launchTemplateNameNotFound: (name: string) =>
    fail(
      ErrorCode.InvalidLaunchTemplateNameNotFound,
      `The specified launch template, with template name ${name}, does not exist.`,
    ),
  launchTemplatesNotFound: () =>
    fail(
      ErrorCode.InvalidLaunchTemplateNameNotFound,
      'At least one of the launch templates specified in the request does not exist.',
    ),
  launchTemplateNameAlreadyExists: () =>
    fail(ErrorCode.InvalidLaunchTemplateNameAlreadyExists, 'Launch template name already in use.'),
  launchTemplateNameMalformed: () =>
    fail(
      ErrorCode.InvalidLaunchTemplateNameMalformed,
      "A launch template name must be between 3 and 128 characters, and may contain letters, numbers, and the following characters: '-', '_', '.', '/', '(', and ')'.",
    ),
  launchTemplateVersionNotFound: (version: string, templateId: string) =>
    fail(
      ErrorCode.InvalidLaunchTemplateIdVersionNotFound,
      `The specified launch template version does not exist: version ${version} of launch template ${templateId}.`,
    ),
  launchTemplateDataMissing: () =>
    fail(
      ErrorCode.MissingParameter,
      'No launch template data was provided. Launch template data is required to create a launch template.',
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

  // EBS volumes, snapshots and AMIs (EC2 API Reference: errors-overview; API_AttachVolume, API_DetachVolume,
  // API_CreateVolume, API_CreateSnapshot, API_DeleteSnapshot, API_CreateImage).
  incorrectState: (message: string) => fail(ErrorCode.IncorrectState, message),
  volumeZoneMismatch: (volumeId: string, instanceId: string) =>
    fail(
      ErrorCode.InvalidVolumeZoneMismatch,
      `The volume '${volumeId}' is not in the same availability zone as instance '${instanceId}'`,
    ),
  volumeAlreadyAttached: (volumeId: string) =>
    fail(ErrorCode.VolumeInUse, `${volumeId} is already attached to an instance`),
  volumeAttachedTo: (volumeId: string, instanceId: string) =>
    fail(ErrorCode.VolumeInUse, `Volume ${volumeId} is currently attached to ${instanceId}`),
  attachmentNotFound: (volumeId: string, instanceId: string) =>
    fail(
      ErrorCode.InvalidAttachmentNotFound,
      `Volume ${volumeId} can not be detached from ${instanceId} because it is not attached`,
    ),
  invalidDeviceName: (device: string) =>
    fail(
      ErrorCode.InvalidParameterValue,
      `Value (${device}) for parameter device is invalid. ${device} is not a valid EBS device name.`,
    ),
  deviceInUse: (device: string) =>
    fail(
      ErrorCode.InvalidParameterValue,
      `Invalid value '${device}' for unixDevice. Attachment point ${device} is already in use`,
    ),
  incorrectModificationState: (volumeId: string) =>
    fail(ErrorCode.IncorrectModificationState, `Cannot modify volume ${volumeId} as it is already being modified.`),
  snapshotIdMalformed: malformed(ErrorCode.InvalidSnapshotIdMalformed, 'snap'),
  snapshotNotFound: (ids: readonly string[]) =>
    fail(
      ErrorCode.InvalidSnapshotNotFound,
      ids.length === 1 ? `The snapshot '${ids[0]}' does not exist.` : `The snapshots '${quote(ids)}' do not exist.`,
    ),
  snapshotInUse: (snapshotId: string, imageId: string) =>
    fail(ErrorCode.InvalidSnapshotInUse, `The snapshot ${snapshotId} is currently in use by ${imageId}`),
  snapshotRateExceeded: () =>
    fail(
      ErrorCode.SnapshotCreationPerVolumeRateExceeded,
      'The maximum per volume CreateSnapshot request rate has been exceeded. Use an increasing or variable sleep interval between requests.',
    ),
  volumeSmallerThanVolumeSnapshot: (sizeGiB: number, snapshotId: string, snapshotGiB: number) =>
    fail(
      ErrorCode.InvalidParameterValue,
      `Volume of size ${sizeGiB}GB is smaller than snapshot '${snapshotId}', expect size >= ${snapshotGiB}GB`,
    ),
  imageNameDuplicate: (name: string, imageId: string) =>
    fail(ErrorCode.InvalidAmiNameDuplicate, `AMI name ${name} is already in use by AMI ${imageId}`),
  imageNameMalformed: () =>
    fail(
      ErrorCode.InvalidAmiNameMalformed,
      "AMI names must be between 3 and 128 characters long, and may contain letters, numbers, '(', ')', '.', '-', '/' and '_'",
    ),
  invalidBlockDeviceMapping: (message: string) => fail(ErrorCode.InvalidBlockDeviceMapping, message),
  imagePending: (imageId: string, state: string) =>
    fail(ErrorCode.InvalidAmiIdUnavailable, `AMI ${imageId} is ${state}, and cannot be run`),

  // The lab's own operations.
  invalidLabFile: (message: string) => fail(ErrorCode.InvalidLabFile, message),
};
