import { describe, expect, it } from 'vitest';
import type { ApiCall, ApiResult } from '../../../shared/api';
import { createAccessKeys } from './access-keys';
import { createEc2ApiHandler } from './ec2-api-handler';
import { refuseRequest } from './request-guard';
import { parseErrorEnvelope } from './test-support/raw-http';
import { signRequest, type RequestToSign } from './test-support/sign-request';

const keys = createAccessKeys();
const NOW = Date.UTC(2026, 10, 25, 18, 22, 18);

function setup(answer: (call: ApiCall) => ApiResult = () => ({ ok: true, value: {} })) {
  const calls: ApiCall[] = [];
  const internalErrors: unknown[] = [];
  const handle = createEc2ApiHandler({
    engine: {
      dispatch(call) {
        calls.push(call);
        return answer(call);
      },
    },
    credentials: () => keys,
    realNow: () => NOW,
    onInternalError: (error) => internalErrors.push(error),
  });
  const send = async (body: string, extra: Partial<RequestToSign> = {}) =>
    handle(await signRequest({ keys, body, signingDate: new Date(NOW), ...extra }));
  return { calls, internalErrors, send, handle };
}

const errorOf = (reply: { status: number; body: string }) => ({
  status: reply.status,
  ...parseErrorEnvelope(reply.body),
});

describe('the EC2 API handler', () => {
  it('passes the parsed input, the scope region and the caller to the engine', async () => {
    const { calls, send } = setup();
    await send('Action=RebootInstances&Version=2016-11-15&InstanceId.1=i-1&DryRun=false', {
      region: 'eu-west-1',
      headers: { 'user-agent': 'aws-cli/2.9.19 Python/3.11.2 Linux/6.1 source/x86_64.debian.12' },
    });
    await send('Action=DescribeRegions&Version=2016-11-15', {
      headers: { 'user-agent': 'aws-sdk-js/3.1169.0 ua/2.1' },
    });
    await send('Action=DescribeRegions&Version=2016-11-15', { headers: { 'user-agent': 'curl/8.5.0' } });
    expect(calls).toEqual([
      {
        service: 'ec2',
        operation: 'RebootInstances',
        region: 'eu-west-1',
        input: { InstanceIds: ['i-1'], DryRun: false },
        caller: 'cli',
      },
      { service: 'ec2', operation: 'DescribeRegions', region: 'ap-northeast-2', input: {}, caller: 'sdk' },
      { service: 'ec2', operation: 'DescribeRegions', region: 'ap-northeast-2', input: {}, caller: 'api' },
    ]);
  });

  it('tells an unknown action from one the lab does not serve yet', async () => {
    const { calls, send } = setup();
    expect(errorOf(await send('Action=LaunchRocket&Version=2016-11-15'))).toMatchObject({
      status: 400,
      code: 'InvalidAction',
      message: 'The action LaunchRocket is not valid for this web service.',
    });
    expect(errorOf(await send('Action=CreateFleet&Version=2016-11-15'))).toMatchObject({
      status: 400,
      code: 'InvalidAction',
      message: 'The action CreateFleet is not implemented by EC2 Lab yet.',
    });
    expect(calls).toEqual([]);
  });

  it('requires Action and the 2016-11-15 Version', async () => {
    const { send } = setup();
    expect(errorOf(await send('Version=2016-11-15'))).toMatchObject({ status: 400, code: 'MissingAction' });
    expect(errorOf(await send('Action=DescribeRegions'))).toMatchObject({
      code: 'MissingParameter',
      message: 'The request must contain the parameter Version',
    });
    expect(errorOf(await send('Action=DescribeRegions&Version=2014-01-01'))).toMatchObject({
      code: 'NoSuchVersion',
      message: 'The requested version (2014-01-01) of service AmazonEC2 does not exist',
    });
  });

  it("answers the engine's errors with their code: 400, 412 for DryRunOperation, 500 only for InternalError", async () => {
    const codes = ['InvalidInstanceID.NotFound', 'DryRunOperation', 'InternalError'];
    const { send } = setup(() => ({ ok: false, error: { code: codes.shift()!, message: 'from the engine' } }));
    const body = 'Action=DescribeInstances&Version=2016-11-15';
    expect(errorOf(await send(body))).toMatchObject({ status: 400, code: 'InvalidInstanceID.NotFound' });
    expect(errorOf(await send(body))).toMatchObject({ status: 412, code: 'DryRunOperation' });
    expect(errorOf(await send(body))).toMatchObject({ status: 500, code: 'InternalError', message: 'from the engine' });
  });

  it('turns a lab bug (an exception) into InternalError and reports it', async () => {
    const { send, internalErrors } = setup(() => {
      throw new Error('bug');
    });
    expect(errorOf(await send('Action=DescribeRegions&Version=2016-11-15'))).toMatchObject({
      status: 500,
      code: 'InternalError',
    });
    expect(internalErrors).toHaveLength(1);
  });

  it('refuses pre-signed URLs, Signature Version 2 and unsigned requests', async () => {
    const { handle } = setup();
    const unsigned = (url: string) =>
      errorOf(handle({ method: 'GET', url, headers: { host: ['127.0.0.1:4566'] }, body: new Uint8Array() }));
    expect(unsigned('/?Action=DescribeRegions&Version=2016-11-15&X-Amz-Signature=ab&X-Amz-Credential=x')).toMatchObject(
      {
        status: 401,
        code: 'AuthFailure',
        message: expect.stringContaining('pre-signed URLs'),
      },
    );
    expect(unsigned('/?Action=DescribeRegions&AWSAccessKeyId=AKIA&SignatureVersion=2&Signature=x')).toMatchObject({
      code: 'AuthFailure',
      message: expect.stringContaining('Signature Version 4'),
    });
    expect(unsigned('/?Action=DescribeRegions&Version=2016-11-15')).toMatchObject({
      status: 400,
      code: 'MissingParameter',
      message: 'The request must contain the parameter AWSAccessKeyId',
    });
  });

  it('refuses bodies that are not form data, not UTF-8, or repeat a parameter', async () => {
    const { send } = setup();
    expect(
      errorOf(await send('{"Action":"DescribeRegions"}', { headers: { 'content-type': 'application/json' } })),
    ).toMatchObject({ status: 400, code: 'InvalidQueryParameter' });
    expect(errorOf(await send('Action=DescribeRegions&Version=2016-11-15&Action=RunInstances'))).toMatchObject({
      code: 'InvalidQueryParameter',
      message: expect.stringContaining('Action appears more than once'),
    });
    expect(errorOf(await send('Action=Describe%ZZ'))).toMatchObject({ code: 'InvalidQueryParameter' });
    expect(errorOf(await send('', { body: new Uint8Array([0x41, 0x3d, 0xff, 0xfe]) }))).toMatchObject({
      code: 'InvalidQueryParameter',
      message: expect.stringContaining('not valid UTF-8'),
    });
  });
});

describe('the request fences', () => {
  const head = (headers: Record<string, string[]>, method = 'POST') => refuseRequest({ method, headers }, 1024);

  it('admits loopback hosts only, with or without a port', () => {
    for (const host of ['127.0.0.1', '127.0.0.1:4566', 'localhost:4566', 'LOCALHOST', '[::1]:4566']) {
      expect(head({ host: [host] }), host).toBeUndefined();
    }
    for (const host of ['evil.example.com', '127.0.0.1.nip.io', '10.0.0.1:4566', 'localhost.evil.com']) {
      expect(head({ host: [host] })).toMatchObject({ code: 'AuthFailure', status: 403 });
    }
    expect(head({})).toMatchObject({ status: 403 });
    expect(head({ host: ['127.0.0.1', 'evil.example.com'] })).toMatchObject({ status: 403 });
  });

  it('refuses any Origin (a web page), other methods and announced oversize bodies', () => {
    expect(head({ host: ['localhost'], origin: ['null'] })).toMatchObject({ status: 403 });
    expect(head({ host: ['localhost'], origin: ['http://127.0.0.1:8123'] })).toMatchObject({ status: 403 });
    expect(head({ host: ['localhost'] }, 'PUT')).toMatchObject({ status: 405, code: 'MethodNotAllowed' });
    expect(head({ host: ['localhost'], 'content-length': ['1025'] })).toMatchObject({ status: 413 });
    expect(head({ host: ['localhost'], 'content-length': ['1024'] })).toBeUndefined();
  });
});
