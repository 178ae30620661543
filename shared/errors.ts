/**
 * Errors cross every door as plain data (class identity does not survive IPC or JSON):
 * an AWS error code and AWS's message. See EC2 API Reference: errors-overview.
 */
export interface ApiError {
  code: string;
  message: string;
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiError).code === 'string' &&
    typeof (value as ApiError).message === 'string'
  );
}

/** Error codes the lab raises, by AWS's names; every code here is raised somewhere (add one with its first use). */
export const ErrorCode = {
  AuthFailure: 'AuthFailure',
  DryRunOperation: 'DryRunOperation',
  IncorrectInstanceState: 'IncorrectInstanceState',
  InternalError: 'InternalError',
  InvalidAction: 'InvalidAction',
  InvalidAmiIdMalformed: 'InvalidAMIID.Malformed',
  InvalidAmiIdNotFound: 'InvalidAMIID.NotFound',
  InvalidID: 'InvalidID',
  InvalidInstanceIdMalformed: 'InvalidInstanceID.Malformed',
  InvalidInstanceIdNotFound: 'InvalidInstanceID.NotFound',
  InvalidInstanceType: 'InvalidInstanceType',
  InvalidKeyPairNotFound: 'InvalidKeyPair.NotFound',
  InvalidKeyPairDuplicate: 'InvalidKeyPair.Duplicate',
  InvalidKeyFormat: 'InvalidKey.Format',
  InvalidLaunchTemplateIdMalformed: 'InvalidLaunchTemplateId.Malformed',
  InvalidLaunchTemplateIdNotFound: 'InvalidLaunchTemplateId.NotFound',
  InvalidLaunchTemplateIdVersionNotFound: 'InvalidLaunchTemplateId.VersionNotFound',
  InvalidLaunchTemplateNameAlreadyExists: 'InvalidLaunchTemplateName.AlreadyExistsException',
  InvalidLaunchTemplateNameMalformed: 'InvalidLaunchTemplateName.MalformedException',
  InvalidLaunchTemplateNameNotFound: 'InvalidLaunchTemplateName.NotFoundException',
  InvalidNextToken: 'InvalidNextToken',
  InvalidParameter: 'InvalidParameter',
  InvalidParameterCombination: 'InvalidParameterCombination',
  IdempotentParameterMismatch: 'IdempotentParameterMismatch',
  VpcIdNotSpecified: 'VPCIdNotSpecified',
  DefaultVpcAlreadyExists: 'DefaultVpcAlreadyExists',
  InvalidParameterValue: 'InvalidParameterValue',
  InvalidRegion: 'InvalidRegion',
  InvalidSubnetIdNotFound: 'InvalidSubnetID.NotFound',
  MissingParameter: 'MissingParameter',
  OperationNotPermitted: 'OperationNotPermitted',
  UnsupportedHibernationConfiguration: 'UnsupportedHibernationConfiguration',
  UnsupportedOperation: 'UnsupportedOperation',
  InstanceLimitExceeded: 'InstanceLimitExceeded',
  InsufficientFreeAddressesInSubnet: 'InsufficientFreeAddressesInSubnet',
  InvalidBlockDeviceMapping: 'InvalidBlockDeviceMapping',
  InvalidVpcIdNotFound: 'InvalidVpcID.NotFound',
  InvalidGroupNotFound: 'InvalidGroup.NotFound',
  InvalidGroupDuplicate: 'InvalidGroup.Duplicate',
  InvalidGroupIdMalformed: 'InvalidGroupId.Malformed',
  InvalidPermissionDuplicate: 'InvalidPermission.Duplicate',
  InvalidPermissionNotFound: 'InvalidPermission.NotFound',
  InvalidSecurityGroupRuleIdNotFound: 'InvalidSecurityGroupRuleId.NotFound',
  InvalidSecurityGroupRuleIdMalformed: 'InvalidSecurityGroupRuleId.Malformed',
  RulesPerSecurityGroupLimitExceeded: 'RulesPerSecurityGroupLimitExceeded',
  SecurityGroupsPerInterfaceLimitExceeded: 'SecurityGroupsPerInterfaceLimitExceeded',
  CannotDelete: 'CannotDelete',
  DependencyViolation: 'DependencyViolation',
  InvalidVolumeIdMalformed: 'InvalidVolumeID.Malformed',
  InvalidVolumeNotFound: 'InvalidVolume.NotFound',
  InvalidNetworkInterfaceIdMalformed: 'InvalidNetworkInterfaceID.Malformed',
  InvalidNetworkInterfaceIdNotFound: 'InvalidNetworkInterfaceID.NotFound',
  InvalidNetworkInterfaceInUse: 'InvalidNetworkInterface.InUse',
  InvalidAttachmentIdNotFound: 'InvalidAttachmentID.NotFound',
  InvalidInstanceID: 'InvalidInstanceID',
  InvalidIpAddressInUse: 'InvalidIPAddress.InUse',
  PrivateIpAddressLimitExceeded: 'PrivateIpAddressLimitExceeded',
  AttachmentLimitExceeded: 'AttachmentLimitExceeded',
  InvalidAllocationIdNotFound: 'InvalidAllocationID.NotFound',
  InvalidAssociationIdNotFound: 'InvalidAssociationID.NotFound',
  InvalidAddressNotFound: 'InvalidAddress.NotFound',
  ResourceAlreadyAssociated: 'Resource.AlreadyAssociated',
  AddressLimitExceeded: 'AddressLimitExceeded',
  TagLimitExceeded: 'TagLimitExceeded',
  Unsupported: 'Unsupported',
  UnknownParameter: 'UnknownParameter',
  InvalidQueryParameter: 'InvalidQueryParameter',
  MissingAction: 'MissingAction',
  NoSuchVersion: 'NoSuchVersion',
  IncompleteSignature: 'IncompleteSignature',
  SignatureDoesNotMatch: 'SignatureDoesNotMatch',
  RequestExpired: 'RequestExpired',
  RequestEntityTooLarge: 'RequestEntityTooLarge',
  MethodNotAllowed: 'MethodNotAllowed',
  InvalidLabFile: 'InvalidLabFile',
  /** A terminal call named a session that is closed or never was. */
  TerminalSessionNotFound: 'TerminalSessionNotFound',
  IncorrectState: 'IncorrectState',
  VolumeInUse: 'VolumeInUse',
  InvalidVolumeZoneMismatch: 'InvalidVolume.ZoneMismatch',
  InvalidAttachmentNotFound: 'InvalidAttachment.NotFound',
  IncorrectModificationState: 'IncorrectModificationState',
  InvalidSnapshotIdMalformed: 'InvalidSnapshotID.Malformed',
  InvalidSnapshotNotFound: 'InvalidSnapshot.NotFound',
  InvalidSnapshotInUse: 'InvalidSnapshot.InUse',
  SnapshotCreationPerVolumeRateExceeded: 'SnapshotCreationPerVolumeRateExceeded',
  InvalidAmiNameDuplicate: 'InvalidAMIName.Duplicate',
  InvalidAmiNameMalformed: 'InvalidAMIName.Malformed',
  InvalidAmiIdUnavailable: 'InvalidAMIID.Unavailable',
  InvalidVpcRange: 'InvalidVpc.Range',
  InvalidSubnetRange: 'InvalidSubnet.Range',
  InvalidSubnetConflict: 'InvalidSubnet.Conflict',
  InvalidInternetGatewayIdNotFound: 'InvalidInternetGatewayID.NotFound',
  InvalidRouteTableIdNotFound: 'InvalidRouteTableID.NotFound',
  InvalidNetworkAclIdNotFound: 'InvalidNetworkAclID.NotFound',
  InvalidRouteNotFound: 'InvalidRoute.NotFound',
  InvalidNetworkAclEntryNotFound: 'InvalidNetworkAclEntry.NotFound',
  GatewayNotAttached: 'Gateway.NotAttached',
  RouteAlreadyExists: 'RouteAlreadyExists',
  NetworkAclEntryAlreadyExists: 'NetworkAclEntryAlreadyExists',
  InvalidVpcCidrBlockAssociationIdNotFound: 'InvalidVpcCidrBlockAssociationID.NotFound',
  CidrLimitExceeded: 'CidrLimitExceeded',
} as const;

export type ErrorCodeName = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * The HTTP status EC2 answers an error with: 400 for every client error not listed here
 * (EC2 API Reference: errors-overview; 412 for DryRunOperation as the SDKs report it).
 */
const HTTP_STATUS: Partial<Record<ErrorCodeName, number>> = {
  [ErrorCode.AuthFailure]: 401,
  [ErrorCode.SignatureDoesNotMatch]: 403,
  [ErrorCode.MethodNotAllowed]: 405,
  [ErrorCode.DryRunOperation]: 412,
  [ErrorCode.RequestEntityTooLarge]: 413,
  [ErrorCode.InternalError]: 500,
};

export function httpStatusOf(code: string): number {
  return HTTP_STATUS[code as ErrorCodeName] ?? 400;
}
