import { describe, expect, it } from 'vitest';
import { validateCall } from './validate-call';

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
