/**
 * STS's GetCallerIdentity on the EC2 endpoint: the first command learners run to check their
 * credentials (`aws sts get-caller-identity`). It answers the lab's account and the lab's one IAM
 * user, whose key the request was signed with (STS API Reference: GetCallerIdentity). Every other
 * STS action is one the lab does not serve.
 */
import { createHash } from 'node:crypto';
import { escapeXml } from './xml-text';

const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';
export const STS_VERSION = '2011-06-15';
/** The lab's learner, as IAM names a user. */
export const LAB_USER_NAME = 'ec2-lab-learner';

export interface StsReply {
  status: number;
  body: string;
}

export function answerSts(
  params: Map<string, string>,
  caller: { accountId: string; accessKeyId: string },
  requestId: string,
): StsReply {
  const action = params.get('Action');
  if (action !== 'GetCallerIdentity') {
    return stsError(
      400,
      'InvalidAction',
      `EC2 Lab serves STS's GetCallerIdentity only, not ${action ? action.slice(0, 100) : 'a request without an Action'}.`,
      requestId,
    );
  }
  const version = params.get('Version');
  if (version !== STS_VERSION) {
    return stsError(400, 'InvalidParameterValue', `Version must be ${STS_VERSION}.`, requestId);
  }
  const body =
    `<GetCallerIdentityResponse xmlns="${STS_NAMESPACE}"><GetCallerIdentityResult>` +
    `<Arn>arn:aws:iam::${caller.accountId}:user/${LAB_USER_NAME}</Arn>` +
    `<UserId>${userIdOf(caller.accessKeyId)}</UserId>` +
    `<Account>${caller.accountId}</Account>` +
    `</GetCallerIdentityResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
    `</GetCallerIdentityResponse>`;
  return { status: 200, body };
}

/** An IAM user's unique id: AIDA and 17 characters; stable for the lab's key. */
function userIdOf(accessKeyId: string): string {
  const digest = createHash('sha256').update(accessKeyId).digest();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return `AIDA${Array.from(digest.subarray(0, 17), (byte) => alphabet[byte % 32]).join('')}`;
}

/** STS's error document (Query protocol, awsQuery): Type Sender for a client's mistake. */
function stsError(status: number, code: string, message: string, requestId: string): StsReply {
  return {
    status,
    body:
      `<ErrorResponse xmlns="${STS_NAMESPACE}"><Error><Type>Sender</Type><Code>${code}</Code>` +
      `<Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
  };
}
