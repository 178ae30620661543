/**
 * Engine errors: thrown inside a command, turned into plain `ApiError` data at the dispatcher.
 * Codes and messages are AWS's own (EC2 API Reference: errors-overview).
 */
import { ErrorCode, type ApiError } from '../../shared/errors';

export class Ec2Error extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message };
  }
}

const quote = (ids: readonly string[]) => ids.join(', ');

export const errors = {
  missingParameter: (name: string) =>
    new Ec2Error(ErrorCode.MissingParameter, `The request must contain the parameter ${name}`),
  invalidParameterValue: (message: string) => new Ec2Error(ErrorCode.InvalidParameterValue, message),
  invalidParameterCombination: (message: string) => new Ec2Error(ErrorCode.InvalidParameterCombination, message),
  invalidParameter: (message: string) => new Ec2Error(ErrorCode.InvalidParameter, message),
  instanceIdMalformed: (id: string) =>
    new Ec2Error(ErrorCode.InvalidInstanceIdMalformed, `Invalid id: "${id}" (expecting "i-...")`),
  instanceIdNotFound: (ids: readonly string[]) =>
    new Ec2Error(
      ErrorCode.InvalidInstanceIdNotFound,
      ids.length === 1 ? `The instance ID '${ids[0]}' does not exist` : `The instance IDs '${quote(ids)}' do not exist`,
    ),
  amiIdMalformed: (id: string) =>
    new Ec2Error(ErrorCode.InvalidAmiIdMalformed, `Invalid id: "${id}" (expecting "ami-...")`),
  amiIdNotFound: (id: string) => new Ec2Error(ErrorCode.InvalidAmiIdNotFound, `The image id '[${id}]' does not exist`),
  incorrectInstanceState: (message: string) => new Ec2Error(ErrorCode.IncorrectInstanceState, message),
  operationNotPermitted: (message: string) => new Ec2Error(ErrorCode.OperationNotPermitted, message),
  unsupportedOperation: (message: string) => new Ec2Error(ErrorCode.UnsupportedOperation, message),
  unsupportedHibernation: (message: string) => new Ec2Error(ErrorCode.UnsupportedHibernationConfiguration, message),
  invalidInstanceType: (type: string) =>
    new Ec2Error(ErrorCode.InvalidParameterValue, `Invalid value '${type}' for InstanceType.`),
  invalidFilter: (name: string) => new Ec2Error(ErrorCode.InvalidParameterValue, `The filter '${name}' is invalid`),
  invalidNextToken: () => new Ec2Error(ErrorCode.InvalidNextToken, 'The token provided is invalid'),
  invalidRegion: (region: string) =>
    new Ec2Error(ErrorCode.InvalidRegion, `The region '${region}' does not exist or is not available to this lab.`),
  invalidAvailabilityZone: (zone: string) =>
    new Ec2Error(ErrorCode.InvalidParameterValue, `Invalid availability zone: [${zone}]`),
  dryRunOperation: () =>
    new Ec2Error(ErrorCode.DryRunOperation, 'Request would have succeeded, but DryRun flag is set.'),
  tagLimitExceeded: () =>
    new Ec2Error(ErrorCode.TagLimitExceeded, 'The maximum number of Tags for a resource has been reached.'),
  invalidLabFile: (message: string) => new Ec2Error(ErrorCode.InvalidLabFile, message),
};
