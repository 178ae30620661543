/**
 * Errors the EC2 Query API door raises itself (before the engine sees a call), with EC2's codes,
 * messages and HTTP statuses, and the XML envelope every EC2 error travels in.
 * See EC2 API Reference: errors-overview ("Error codes for the Amazon EC2 API", "Example error response").
 */
import { ErrorCode, httpStatusOf, type ApiError } from '../../../shared/errors';
import { parameterErrors, truncateEcho as truncate } from '../common/parameter-errors';
import { escapeXml } from './xml-text';

export class Ec2ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** EC2's status for the code (shared/errors.ts), unless the lab's own fence says otherwise. */
    readonly status = httpStatusOf(code),
  ) {
    super(message);
    this.name = code;
  }
}

const error = (code: string, message: string, status?: number) => new Ec2ApiError(code, message, status);
const withStatus = ({ code, message }: ApiError, status?: number) => error(code, message, status);

export const apiErrors = {
  // Parameters (errors-overview: common client error codes).
  missingParameter: (name: string) => withStatus(parameterErrors.missingParameter(name)),
  unknownParameter: (name: string) => withStatus(parameterErrors.unknownParameter(name)),
  invalidValue: (name: string, value: string, expected: string) =>
    withStatus(parameterErrors.invalidValue(name, value, expected)),
  /** Not decodable as form data, or a parameter given twice. */
  invalidQuery: (detail: string) =>
    error(
      ErrorCode.InvalidQueryParameter,
      `The AWS query string is malformed or does not adhere to AWS standards. ${detail}`,
    ),
  missingAction: () => error(ErrorCode.MissingAction, 'The request must contain the parameter Action'),
  invalidAction: (action: string) => withStatus(parameterErrors.invalidAction(action)),
  /**
   * An action AWS's model has but the lab does not serve yet. Same code as an unknown action (so
   * scripts that treat InvalidAction as "not available here" behave), with a message that says so.
   */
  notImplemented: (action: string) =>
    error(ErrorCode.InvalidAction, `The action ${action} is not implemented by EC2 Lab yet.`),
  noSuchVersion: (version: string) =>
    error(ErrorCode.NoSuchVersion, `The requested version (${truncate(version)}) of service AmazonEC2 does not exist`),

  // Authentication. A request with no credentials at all is what EC2 calls a missing parameter (HTTP 400).
  missingCredentials: () => error(ErrorCode.MissingParameter, 'The request must contain the parameter AWSAccessKeyId'),
  incompleteSignature: (message: string) => error(ErrorCode.IncompleteSignature, message),
  unknownAccessKey: () => error(ErrorCode.AuthFailure, 'AWS was not able to validate the provided access credentials'),
  authFailure: (message: string) => error(ErrorCode.AuthFailure, message),
  signatureDoesNotMatch: () =>
    error(
      ErrorCode.SignatureDoesNotMatch,
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret ' +
        'Access Key and signing method. Consult the service documentation for details.',
    ),
  requestExpired: () => error(ErrorCode.RequestExpired, 'Request has expired.'),

  // The lab's own fences around a loopback server.
  foreignHost: (host: string) =>
    error(
      ErrorCode.AuthFailure,
      `EC2 Lab answers only requests addressed to 127.0.0.1, localhost or [::1], not '${truncate(host)}'.`,
      403,
    ),
  browserOrigin: () =>
    error(
      ErrorCode.AuthFailure,
      'EC2 Lab does not answer requests made by web pages (the request has an Origin).',
      403,
    ),
  tooLarge: (limit: number) =>
    error(ErrorCode.RequestEntityTooLarge, `The request body is larger than EC2 Lab's limit of ${limit} bytes.`),
  methodNotAllowed: (method: string) =>
    error(ErrorCode.MethodNotAllowed, `The HTTP method ${truncate(method)} is not allowed; use GET or POST.`),
  internalError: () => withStatus(parameterErrors.internalError()),
};

/** `<Response><Errors><Error>…</Error></Errors><RequestID>…</RequestID></Response>`, as EC2 sends it. */
export function errorEnvelope(error: ApiError, requestId: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Response><Errors><Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message>` +
    `</Error></Errors><RequestID>${escapeXml(requestId)}</RequestID></Response>`
  );
}
