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

/** Error codes the lab raises, by AWS's names. */
export const ErrorCode = {
  AuthFailure: 'AuthFailure',
  DependencyViolation: 'DependencyViolation',
  DryRunOperation: 'DryRunOperation',
  IncorrectInstanceState: 'IncorrectInstanceState',
  InternalError: 'InternalError',
  InvalidAction: 'InvalidAction',
  InvalidAmiIdMalformed: 'InvalidAMIID.Malformed',
  InvalidAmiIdNotFound: 'InvalidAMIID.NotFound',
  InvalidAvailabilityZone: 'InvalidAvailabilityZone',
  InvalidFilter: 'InvalidFilter',
  InvalidID: 'InvalidID',
  InvalidInstanceAttributeValue: 'InvalidInstanceAttributeValue',
  InvalidInstanceIdMalformed: 'InvalidInstanceID.Malformed',
  InvalidInstanceIdNotFound: 'InvalidInstanceID.NotFound',
  InvalidInstanceType: 'InvalidInstanceType',
  InvalidKeyPairNotFound: 'InvalidKeyPair.NotFound',
  InvalidNextToken: 'InvalidNextToken',
  InvalidParameter: 'InvalidParameter',
  InvalidParameterCombination: 'InvalidParameterCombination',
  InvalidParameterValue: 'InvalidParameterValue',
  InvalidRegion: 'InvalidRegion',
  InvalidSubnetIdNotFound: 'InvalidSubnetID.NotFound',
  MissingParameter: 'MissingParameter',
  OperationNotPermitted: 'OperationNotPermitted',
  UnsupportedHibernationConfiguration: 'UnsupportedHibernationConfiguration',
  UnsupportedOperation: 'UnsupportedOperation',
  InstanceLimitExceeded: 'InstanceLimitExceeded',
  InvalidBlockDeviceMapping: 'InvalidBlockDeviceMapping',
  InvalidVpcIdNotFound: 'InvalidVpcID.NotFound',
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
} as const;

export type ErrorCodeName = (typeof ErrorCode)[keyof typeof ErrorCode];
