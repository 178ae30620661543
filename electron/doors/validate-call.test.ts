import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiCall, ApiResult } from '../../shared/api';
import { decodeWire, encodeWire } from '../../shared/wire-codec';
import { createTestLab, TEST_REGION } from '../engine/test-support/test-lab';
import type { DoorEngine } from './door-engine';
import { validateCall } from './validate-call';
import { startWebServer, type WebServer } from './web/server';

describe('validateCall', () => {
  it('accepts an EC2 call and marks it as coming from the console', () => {
    const check = validateCall({
      service: 'ec2',
      operation: 'DescribeInstances',
      region: 'us-east-1',
      input: { InstanceIds: ['i-0123456789abcdef0'] },
      caller: 'cli',
      extra: 'dropped',
    });
    expect(check).toEqual({
      ok: true,
      call: {
        service: 'ec2',
        operation: 'DescribeInstances',
        region: 'us-east-1',
        input: { InstanceIds: ['i-0123456789abcdef0'] },
        caller: 'console',
      },
    });
  });

  it('accepts a lab call without a region', () => {
    expect(validateCall({ service: 'lab', operation: 'GetClock', input: {} })).toEqual({
      ok: true,
      call: { service: 'lab', operation: 'GetClock', input: {} },
    });
  });

  it('answers InvalidAction for an operation the service does not have', () => {
    expect(validateCall({ service: 'ec2', operation: 'LaunchRocket', region: 'us-east-1', input: {} })).toEqual({
      ok: false,
      error: { code: 'InvalidAction', message: 'The action LaunchRocket is not valid for this web service.' },
    });
    // A lab operation is not an EC2 action, nor the other way round.
    expect(validateCall({ service: 'ec2', operation: 'ResetLab', region: 'us-east-1', input: {} })).toMatchObject({
      ok: false,
      error: { code: 'InvalidAction' },
    });
    expect(validateCall({ service: 'lab', operation: 'RunInstances', input: {} })).toMatchObject({
      ok: false,
      error: { code: 'InvalidAction' },
    });
    // Names on Object.prototype are not operations.
    expect(validateCall({ service: 'lab', operation: 'constructor', input: {} })).toMatchObject({
      ok: false,
      error: { code: 'InvalidAction' },
    });
  });

  it.each([
    ['not an object', 'DescribeInstances'],
    ['null', null],
    ['an array', []],
    ['an unknown service', { service: 's3', operation: 'ListBuckets', input: {} }],
    ['no operation', { service: 'ec2', region: 'us-east-1', input: {} }],
    ['an EC2 call without region', { service: 'ec2', operation: 'DescribeInstances', input: {} }],
    ['a non-string region', { service: 'ec2', operation: 'DescribeInstances', region: 7, input: {} }],
    ['an input that is an array', { service: 'ec2', operation: 'DescribeInstances', region: 'us-east-1', input: [] }],
    ['a missing input', { service: 'lab', operation: 'GetClock' }],
    ['an input that is a string', { service: 'lab', operation: 'GetClock', input: 'now' }],
  ])('answers InvalidParameterValue for %s', (_name, payload) => {
    const check = validateCall(payload);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.error.code).toBe('InvalidParameterValue');
      expect(check.error.message).not.toBe('');
    }
  });

  it("checks an EC2 input's members against AWS's model, naming the parameter", () => {
    const ec2 = (operation: string, input: unknown) =>
      validateCall({ service: 'ec2', operation, region: 'us-east-1', input });
    expect(ec2('DescribeInstances', { Filters: 'x' })).toEqual({
      ok: false,
      error: {
        code: 'InvalidParameterValue',
        message: "Value (x) for parameter Filters is invalid. Expected: 'list'.",
      },
    });
    expect(ec2('DescribeInstances', { Filters: [{ Name: 'tag:Name', Values: 'web' }] })).toEqual({
      ok: false,
      error: {
        code: 'InvalidParameterValue',
        message: "Value (web) for parameter Filters[0].Values is invalid. Expected: 'list'.",
      },
    });
    expect(ec2('StopInstances', {})).toEqual({
      ok: false,
      error: { code: 'MissingParameter', message: 'The request must contain the parameter InstanceIds' },
    });
    expect(ec2('CreateTags', { Resources: ['i-0123456789abcdef0'], Tags: [], Tag: [] })).toEqual({
      ok: false,
      error: { code: 'UnknownParameter', message: 'The parameter Tag is not recognized' },
    });
    // The input is passed on as it came, Dates and bytes included (IPC carries both).
    const input = {
      InstanceId: 'i-0123456789abcdef0',
      UserData: { Value: new Uint8Array([35, 33]) },
    };
    const check = validateCall({ service: 'ec2', operation: 'ModifyInstanceAttribute', region: 'us-east-1', input });
    expect(check.ok && check.call.input).toBe(input);
  });

  it('leaves lab inputs to their handlers', () => {
    expect(validateCall({ service: 'lab', operation: 'GetClock', input: { Filters: 'x' } })).toMatchObject({
      ok: true,
    });
  });
});

describe('browser mode: an EC2 input of the wrong shape', () => {
  let directory: string;
  let server: WebServer;
  const dispatched: ApiCall[] = [];

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'ec2lab-validate-'));
    writeFileSync(join(directory, 'index.html'), '<!doctype html><title>EC2 Lab</title>');
    const { engine } = createTestLab();
    const watched: DoorEngine = {
      dispatch: (call) => (dispatched.push(call), engine.dispatch(call)),
      onEvent: (listener) => engine.onEvent(listener),
    };
    server = await startWebServer({ engine: watched, port: 0, rendererDirectory: directory });
  });

  afterAll(async () => {
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const post = async (input: unknown) => {
    const call = { service: 'ec2', operation: 'DescribeInstances', region: TEST_REGION, input };
    const response = await fetch(`${server.url}api/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: encodeWire(call),
    });
    return { status: response.status, result: decodeWire(await response.text()) as ApiResult };
  };

  it('answers InvalidParameterValue for DescribeInstances with Filters: "x", not InternalError from the engine', async () => {
    expect(await post({ Filters: 'x' })).toEqual({
      status: 400,
      result: {
        ok: false,
        error: {
          code: 'InvalidParameterValue',
          message: "Value (x) for parameter Filters is invalid. Expected: 'list'.",
        },
      },
    });
    expect(dispatched).toEqual([]);
    // A well-formed call still reaches the real engine and answers.
    expect(await post({ Filters: [{ Name: 'instance-state-name', Values: ['running'] }] })).toEqual({
      status: 200,
      result: { ok: true, value: { Reservations: [] } },
    });
    expect(dispatched).toHaveLength(1);
  });
});
