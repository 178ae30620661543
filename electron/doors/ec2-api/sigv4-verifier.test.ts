import { describe, expect, it } from 'vitest';
import { createAccessKeys } from './access-keys';
import { Ec2ApiError } from './ec2-api-errors';
import { verifySigV4, type SignedRequest } from './sigv4-verifier';
import { signRequest } from './test-support/sign-request';

const keys = createAccessKeys();
const NOW = Date.UTC(2026, 10, 25, 18, 22, 18);
const signingDate = new Date(NOW);
const BODY = 'Action=DescribeInstances&Version=2016-11-15&Filter.1.Name=tag%3AName&Filter.1.Value.1=web%20server';

function failure(request: SignedRequest, now = NOW, pair = keys): { code: string; status: number; message: string } {
  try {
    verifySigV4(request, pair, now);
  } catch (error) {
    if (error instanceof Ec2ApiError) return { code: error.code, status: error.status, message: error.message };
    throw error;
  }
  throw new Error('expected the signature to be refused');
}

describe('SigV4 verification against requests signed by @smithy/signature-v4', () => {
  it('accepts a POST signed by the SDK signer and reports the scope region', async () => {
    const request = await signRequest({ keys, body: BODY, signingDate, region: 'us-east-1' });
    expect(verifySigV4(request, keys, NOW)).toEqual({
      accessKeyId: keys.accessKeyId,
      region: 'us-east-1',
      service: 'ec2',
    });
  });

  it('accepts a GET whose parameters are in the query string (sorted and re-encoded canonically)', async () => {
    const request = await signRequest({
      keys,
      method: 'GET',
      query: {
        Version: '2016-11-15',
        Action: 'DescribeTags',
        'Filter.1.Value.1': "a b*c!'()~",
        'Filter.1.Name': 'key',
      },
      signingDate,
    });
    expect(verifySigV4(request, keys, NOW).region).toBe('ap-northeast-2');
  });

  it('refuses the same request with one byte of the body changed', async () => {
    const request = await signRequest({ keys, body: BODY, signingDate });
    const body = new Uint8Array(request.body);
    body[body.length - 1] = body[body.length - 1]! ^ 1;
    expect(failure({ ...request, body })).toMatchObject({ code: 'SignatureDoesNotMatch', status: 403 });
  });

  it('refuses a changed signed header, a changed query and a wrong secret', async () => {
    const request = await signRequest({ keys, body: BODY, signingDate, query: { a: '1' } });
    const otherHost = { ...request, headers: { ...request.headers, host: ['localhost:4566'] } };
    expect(failure(otherHost).code).toBe('SignatureDoesNotMatch');
    expect(failure({ ...request, url: '/?a=2' }).code).toBe('SignatureDoesNotMatch');
    const wrongSecret = { ...keys, secretAccessKey: createAccessKeys().secretAccessKey };
    expect(failure(request, NOW, wrongSecret)).toMatchObject({
      code: 'SignatureDoesNotMatch',
      message: expect.stringContaining('Check your AWS Secret Access Key and signing method.'),
    });
  });

  it('refuses an unknown access key id with AuthFailure (401)', async () => {
    const other = createAccessKeys();
    const request = await signRequest({ keys: other, body: BODY, signingDate });
    expect(failure(request)).toEqual({
      code: 'AuthFailure',
      status: 401,
      message: 'AWS was not able to validate the provided access credentials',
    });
  });

  it('refuses a request stamped more than 15 minutes from real time, either way', async () => {
    const request = await signRequest({ keys, body: BODY, signingDate });
    expect(verifySigV4(request, keys, NOW + 15 * 60 * 1000).region).toBe('ap-northeast-2');
    expect(failure(request, NOW + 15 * 60 * 1000 + 1000)).toMatchObject({ code: 'RequestExpired', status: 400 });
    expect(failure(request, NOW - 16 * 60 * 1000).code).toBe('RequestExpired');
  });

  it('asks for credentials when there is no Authorization header, as EC2 does', () => {
    const request: SignedRequest = {
      method: 'POST',
      url: '/',
      headers: { host: ['127.0.0.1'] },
      body: new Uint8Array(),
    };
    expect(failure(request)).toEqual({
      code: 'MissingParameter',
      status: 400,
      message: 'The request must contain the parameter AWSAccessKeyId',
    });
  });

  it('explains malformed Authorization headers with IncompleteSignature', async () => {
    const request = await signRequest({ keys, body: BODY, signingDate });
    const withAuth = (authorization: string) => ({
      ...request,
      headers: { ...request.headers, authorization: [authorization] },
    });
    expect(failure(withAuth('AWS4-HMAC-SHA256 Credential=x')).message).toBe(
      "Authorization header requires 'SignedHeaders' parameter. Authorization header requires 'Signature' parameter.",
    );
    expect(failure(withAuth('Basic dXNlcjpwYXNz')).code).toBe('IncompleteSignature');
    const auth = request.headers.authorization![0]!;
    expect(failure(withAuth(auth.replace('/ec2/', '/s3/'))).message).toBe(
      "Credential should be scoped to correct service: 'ec2' (EC2 Lab serves EC2, and STS's GetCallerIdentity, on this endpoint; not 's3').",
    );
    expect(failure(withAuth(auth.replace('SignedHeaders=', 'SignedHeaders=x-amz-date;'))).code).toBe(
      'SignatureDoesNotMatch',
    );
    expect(failure(withAuth(auth.replace(/SignedHeaders=[^,]+/, 'SignedHeaders=x-amz-date'))).message).toBe(
      "'Host' must be a 'SignedHeader' in the AWS Authorization.",
    );
    const withoutDate = { ...request, headers: { ...request.headers, 'x-amz-date': undefined } };
    expect(failure(withoutDate).message).toBe("Authorization header requires existence of a 'X-Amz-Date' header.");
    const badDate = { ...request, headers: { ...request.headers, 'x-amz-date': ['2026-11-25T18:22:18Z'] } };
    expect(failure(badDate).code).toBe('IncompleteSignature');
    const otherDay = { ...request, headers: { ...request.headers, 'x-amz-date': ['20261126T182218Z'] } };
    expect(failure(otherDay).message).toContain('Date in Credential scope does not match');
  });
});
