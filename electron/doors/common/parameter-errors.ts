/**
 * The errors every door raises about a call's parameters before the engine sees it, as plain
 * ApiError data with EC2's codes and messages (EC2 API Reference, "Common client errors"). The EC2
 * Query door wraps them with an HTTP status (ec2-api/ec2-api-errors.ts); the console doors' model
 * validator answers them as they are.
 */
import { ErrorCode, type ApiError } from '../../../shared/errors';

const error = (code: string, message: string): ApiError => ({ code, message });

export const parameterErrors = {
  missingParameter: (name: string) =>
    error(ErrorCode.MissingParameter, `The request must contain the parameter ${name}`),
  unknownParameter: (name: string) =>
    error(ErrorCode.UnknownParameter, `The parameter ${truncateEcho(name)} is not recognized`),
  invalidValue: (name: string, value: string, expected: string) =>
    error(
      ErrorCode.InvalidParameterValue,
      `Value (${truncateEcho(value)}) for parameter ${name} is invalid. Expected: '${expected}'.`,
    ),
  invalidAction: (action: string) =>
    error(ErrorCode.InvalidAction, `The action ${truncateEcho(action)} is not valid for this web service.`),
  internalError: () =>
    error(ErrorCode.InternalError, 'An internal error has occurred. EC2 Lab could not complete the request.'),
};

/** Echo at most 200 characters of what the caller sent, so a huge value cannot make a huge reply. */
export function truncateEcho(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
