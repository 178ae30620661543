import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { EC2_OPERATION_NAMES } from '../../../shared/ec2-operations';
import { isApiError } from '../../../shared/errors';
import { findOperation, resolveShape, type Shape } from './ec2-model';
import { INPUT_LIMITS, validateModelInput, validateShapeInput, type InputCheck } from './model-input-validator';

const INSTANCE_ID = 'i-0123456789abcdef0';

/** The error a check answered; fails the test when the input passed. */
function errorOf(check: InputCheck) {
  if (check.ok) throw new Error('expected the input to be refused');
  return check.error;
}

const typicalRunInstances = {
  ImageId: 'ami-0123456789abcdef0',
  InstanceType: 't3.micro',
  MinCount: 1,
  MaxCount: 1,
  KeyName: 'my-key',
  InstanceInitiatedShutdownBehavior: 'stop',
  DisableApiTermination: false,
  DisableApiStop: false,
  BlockDeviceMappings: [
    {
      DeviceName: '/dev/xvda',
      Ebs: { VolumeSize: 8, VolumeType: 'gp3', Encrypted: true, DeleteOnTermination: true },
    },
  ],
  TagSpecifications: [
    {
      ResourceType: 'instance',
      Tags: [
        { Key: 'Name', Value: 'web-1' },
        { Key: 'team', Value: '' },
      ],
    },
  ],
  Placement: { AvailabilityZone: 'ap-northeast-2a' },
  HibernationOptions: { Configured: true },
  UserData: 'IyEvYmluL2Jhc2gKZWNobyBoaQ==',
  // What IPC keeps for an optional member the console left out: absent, not an error.
  SubnetId: undefined,
};

describe('model loading', () => {
  it('parses the model on first use only, and once', async () => {
    vi.resetModules();
    const parse = vi.spyOn(JSON, 'parse');
    const parsesOfTheModel = () => parse.mock.calls.filter(([text]) => text.length > 500_000).length;
    try {
      const fresh = await import('./model-input-validator');
      expect(parsesOfTheModel()).toBe(0);
      expect(fresh.validateModelInput('DescribeInstances', {})).toEqual({ ok: true });
      expect(parsesOfTheModel()).toBe(1);
      expect(fresh.validateModelInput('RunInstances', typicalRunInstances)).toEqual({ ok: true });
      expect(parsesOfTheModel()).toBe(1);
    } finally {
      parse.mockRestore();
    }
  });
});

describe('validateModelInput: real console requests pass', () => {
  const modify = (member: object) => ({ InstanceId: INSTANCE_ID, ...member });
  const bytes = new TextEncoder().encode('#!/bin/bash');
  it.each([
    ['RunInstances with tags, a root volume, placement and hibernation', 'RunInstances', typicalRunInstances],
    [
      'DescribeInstances with Filters and MaxResults',
      'DescribeInstances',
      {
        Filters: [
          { Name: 'instance-state-name', Values: ['running', 'stopped'] },
          { Name: 'tag:Name', Values: ['web-*'] },
        ],
        MaxResults: 5,
        NextToken: undefined,
      },
    ],
    ['StopInstances with Hibernate', 'StopInstances', { InstanceIds: [INSTANCE_ID], Hibernate: true, Force: false }],
    [
      'ModifyInstanceAttribute with InstanceType {Value}',
      'ModifyInstanceAttribute',
      modify({ InstanceType: { Value: 't3.small' } }),
    ],
    ['ModifyInstanceAttribute with UserData bytes', 'ModifyInstanceAttribute', modify({ UserData: { Value: bytes } })],
    ['CreateTags', 'CreateTags', { Resources: [INSTANCE_ID], Tags: [{ Key: 'Name', Value: 'web' }] }],
    ['DeleteTags with a key only', 'DeleteTags', { Resources: [INSTANCE_ID], Tags: [{ Key: 'Name' }] }],
    ['DescribeInstanceStatus', 'DescribeInstanceStatus', { InstanceIds: [INSTANCE_ID], IncludeAllInstances: true }],
    ['DescribeInstanceTypeOfferings', 'DescribeInstanceTypeOfferings', { LocationType: 'availability-zone' }],
    ['DescribeRegions', 'DescribeRegions', {}],
  ])('%s', (_name, operation, input) => {
    expect(validateModelInput(operation, input)).toEqual({ ok: true });
  });

  it('takes a timestamp as a Date, an ISO 8601 string or an epoch number, and a long as a safe integer', () => {
    const spot = (ValidUntil: unknown) => ({
      ...typicalRunInstances,
      InstanceMarketOptions: { MarketType: 'spot', SpotOptions: { ValidUntil } },
    });
    for (const when of [new Date('2026-12-01T00:00:00Z'), '2026-12-01T00:00:00.000Z', 1_795_000_000])
      expect(validateModelInput('RunInstances', spot(when))).toEqual({ ok: true });
    expect(errorOf(validateModelInput('RunInstances', spot('tomorrow')))).toEqual({
      code: 'InvalidParameterValue',
      message:
        "Value (tomorrow) for parameter InstanceMarketOptions.SpotOptions.ValidUntil is invalid. Expected: 'Timestamp (ISO 8601)'.",
    });
    expect(errorOf(validateModelInput('RunInstances', spot(new Date(NaN)))).message).toContain('(Invalid Date)');

    // CreateVpnGateway.AmazonSideAsn is a long: 4294967294 is a real private ASN, past 32 bits.
    const gateway = (AmazonSideAsn: unknown) => ({ Type: 'ipsec.1', AmazonSideAsn });
    expect(validateModelInput('CreateVpnGateway', gateway(4_294_967_294))).toEqual({ ok: true });
    expect(errorOf(validateModelInput('CreateVpnGateway', gateway(2 ** 53)))).toEqual({
      code: 'InvalidParameterValue',
      message: `Value (${2 ** 53}) for parameter AmazonSideAsn is invalid. Expected: 'Long'.`,
    });
  });

  it('every served operation takes {} unless the model requires a member, and then names it', () => {
    for (const operation of EC2_OPERATION_NAMES) {
      const required = findOperation(operation)!.input!.required;
      const check = validateModelInput(operation, {});
      if (required.length === 0) expect(check, operation).toEqual({ ok: true });
      else {
        expect(errorOf(check), operation).toEqual({
          code: 'MissingParameter',
          message: `The request must contain the parameter ${required[0]}`,
        });
      }
    }
  });
});

describe('validateModelInput: bad input gets the AWS error naming the parameter', () => {
  const describeInstances = (input: unknown) => errorOf(validateModelInput('DescribeInstances', input));
  const invalidValue = (value: string, parameter: string, expected: string) => ({
    code: 'InvalidParameterValue',
    message: `Value (${value}) for parameter ${parameter} is invalid. Expected: '${expected}'.`,
  });

  it('a list that is not an array', () => {
    expect(describeInstances({ Filters: 'x' })).toEqual(invalidValue('x', 'Filters', 'list'));
    expect(describeInstances({ InstanceIds: 5 })).toEqual(invalidValue('5', 'InstanceIds', 'list'));
    expect(describeInstances({ InstanceIds: { 0: INSTANCE_ID } })).toEqual(
      invalidValue(`{"0":"${INSTANCE_ID}"}`, 'InstanceIds', 'list'),
    );
  });

  it('a list member of the wrong type, by its index', () => {
    expect(describeInstances({ InstanceIds: [INSTANCE_ID, 5] })).toEqual(invalidValue('5', 'InstanceIds[1]', 'String'));
    // A hole in a sparse array (IPC keeps them) is a missing value, not a skipped one.
    // eslint-disable-next-line no-sparse-arrays
    expect(describeInstances({ InstanceIds: [, INSTANCE_ID] })).toEqual(
      invalidValue('undefined', 'InstanceIds[0]', 'String'),
    );
    expect(describeInstances({ Filters: [{ Name: 'tag:Name', Values: ['a', ['b']] }] })).toEqual(
      invalidValue('["b"]', 'Filters[0].Values[1]', 'String'),
    );
  });

  it('a structure that is not a plain object', () => {
    const run = (Placement: unknown) =>
      errorOf(validateModelInput('RunInstances', { ...typicalRunInstances, Placement }));
    expect(run('ap-northeast-2a')).toEqual(invalidValue('ap-northeast-2a', 'Placement', 'structure'));
    expect(run(['ap-northeast-2a'])).toEqual(invalidValue('["ap-northeast-2a"]', 'Placement', 'structure'));
    expect(run(new Date(0))).toEqual(invalidValue('1970-01-01T00:00:00.000Z', 'Placement', 'structure'));
    expect(run(new Map())).toEqual(invalidValue('[object Map]', 'Placement', 'structure'));
    expect(errorOf(validateModelInput('DescribeInstances', 'x'))).toEqual(invalidValue('x', 'input', 'structure'));
  });

  it('an unknown member, including a Query name or a name from Object.prototype', () => {
    expect(describeInstances({ Filters: [{ Name: 'tag:Name', Valus: ['a'] }] })).toEqual({
      code: 'UnknownParameter',
      message: 'The parameter Filters[0].Valus is not recognized',
    });
    // `Filter` is the Query name; the console speaks the SDK's member names.
    expect(describeInstances({ Filter: [] })).toMatchObject({ message: 'The parameter Filter is not recognized' });
    expect(describeInstances({ constructor: {} })).toMatchObject({ code: 'UnknownParameter' });
    expect(describeInstances(JSON.parse('{"__proto__": {"MaxResults": 5}}'))).toEqual({
      code: 'UnknownParameter',
      message: 'The parameter __proto__ is not recognized',
    });
  });

  it('a required member that is missing, at the top or nested', () => {
    expect(errorOf(validateModelInput('StopInstances', { Hibernate: true }))).toEqual({
      code: 'MissingParameter',
      message: 'The request must contain the parameter InstanceIds',
    });
    expect(errorOf(validateModelInput('StopInstances', { InstanceIds: undefined }))).toMatchObject({
      code: 'MissingParameter',
    });
    expect(errorOf(validateModelInput('RunInstances', { ...typicalRunInstances, Monitoring: {} }))).toEqual({
      code: 'MissingParameter',
      message: 'The request must contain the parameter Monitoring.Enabled',
    });
  });

  it('numbers: integers within 32 bits, never strings, NaN or fractions', () => {
    expect(describeInstances({ MaxResults: 1.5 })).toEqual(invalidValue('1.5', 'MaxResults', 'Integer'));
    expect(describeInstances({ MaxResults: '5' })).toEqual(invalidValue('5', 'MaxResults', 'Integer'));
    expect(describeInstances({ MaxResults: NaN })).toEqual(invalidValue('NaN', 'MaxResults', 'Integer'));
    expect(describeInstances({ MaxResults: 2 ** 31 })).toEqual(invalidValue('2147483648', 'MaxResults', 'Integer'));
    const volume = (VolumeSize: unknown) =>
      validateModelInput('RunInstances', {
        ...typicalRunInstances,
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize } }],
      });
    expect(errorOf(volume(Infinity))).toEqual(
      invalidValue('Infinity', 'BlockDeviceMappings[0].Ebs.VolumeSize', 'Integer'),
    );
  });

  it('booleans, strings, blobs and null', () => {
    expect(errorOf(validateModelInput('StopInstances', { InstanceIds: [INSTANCE_ID], Hibernate: 'true' }))).toEqual(
      invalidValue('true', 'Hibernate', 'Boolean'),
    );
    const tagged = (Value: unknown) =>
      validateModelInput('CreateTags', { Resources: [INSTANCE_ID], Tags: [{ Key: 'Name', Value }] });
    expect(errorOf(tagged(5))).toEqual(invalidValue('5', 'Tags[0].Value', 'String'));
    expect(errorOf(tagged(null))).toEqual(invalidValue('null', 'Tags[0].Value', 'String'));
    const userData = (Value: unknown) =>
      validateModelInput('ModifyInstanceAttribute', { InstanceId: INSTANCE_ID, UserData: { Value } });
    // A blob is bytes: base64 text typed as bytes is refused, however well-formed.
    expect(errorOf(userData('IyE='))).toEqual(invalidValue('IyE=', 'UserData.Value', 'Blob (bytes)'));
    expect(errorOf(userData('not base64!'))).toEqual(invalidValue('not base64!', 'UserData.Value', 'Blob (bytes)'));
    expect(errorOf(userData([35, 33]))).toEqual(invalidValue('[35,33]', 'UserData.Value', 'Blob (bytes)'));
    expect(errorOf(userData({ $bytes: 'IyE=' }))).toEqual(
      invalidValue('{"$bytes":"IyE="}', 'UserData.Value', 'Blob (bytes)'),
    );
    expect(errorOf(validateModelInput('DescribeInstances', { DryRun: null }))).toEqual(
      invalidValue('null', 'DryRun', 'Boolean'),
    );
  });

  it('an operation the model does not have', () => {
    expect(errorOf(validateModelInput('LaunchRocket', {}))).toEqual({
      code: 'InvalidAction',
      message: 'The action LaunchRocket is not valid for this web service.',
    });
  });

  it('echoes at most ~200 characters of a value, even a cyclic one', () => {
    const filter: Record<string, unknown> = { Name: 'x'.repeat(50) };
    filter.Values = [filter];
    const error = describeInstances({ Filters: [filter] });
    expect(error.code).toBe('InvalidParameterValue');
    expect(error.message).toMatch(/^Value \(\{"Name":"x{50}","Values":\[\{"Name"/);
    expect(error.message).toContain("for parameter Filters[0].Values[0] is invalid. Expected: 'String'.");
    expect(error.message.length).toBeLessThan(320);
    expect(describeInstances({ Filters: 'y'.repeat(100_000) }).message.length).toBeLessThan(320);
  });
});

describe('validateShapeInput: shapes the served operations do not use', () => {
  type ShapeRef = Parameters<typeof resolveShape>[0];

  it('floats and doubles are finite numbers; maps are plain objects of checked values, named by key', () => {
    const shape = resolveShape({
      type: 'structure',
      members: {
        Ratio: { type: 'double' },
        Weight: { type: 'float' },
        Limits: { type: 'map', key: {}, value: { type: 'integer' } },
      },
    });
    expect(validateShapeInput(shape, { Ratio: 0.5, Weight: -2, Limits: { cpu: 2, 'a b': 3 } })).toEqual({ ok: true });
    expect(errorOf(validateShapeInput(shape, { Ratio: Infinity }))).toMatchObject({
      message: "Value (Infinity) for parameter Ratio is invalid. Expected: 'Double'.",
    });
    expect(errorOf(validateShapeInput(shape, { Weight: '1.5' }))).toMatchObject({
      message: "Value (1.5) for parameter Weight is invalid. Expected: 'Float'.",
    });
    expect(errorOf(validateShapeInput(shape, { Limits: { 'a b': 1.5 } }))).toMatchObject({
      message: `Value (1.5) for parameter Limits["a b"] is invalid. Expected: 'Integer'.`,
    });
    expect(errorOf(validateShapeInput(shape, { Limits: [] }))).toMatchObject({
      message: "Value ([]) for parameter Limits is invalid. Expected: 'map'.",
    });
  });

  it('an operation without input takes only an empty object', () => {
    expect(validateShapeInput(undefined, {})).toEqual({ ok: true });
    expect(errorOf(validateShapeInput(undefined, { DryRun: true }))).toEqual({
      code: 'UnknownParameter',
      message: 'The parameter DryRun is not recognized',
    });
  });

  it(`refuses nesting past ${INPUT_LIMITS.depth} levels of a recursive shape`, () => {
    const node: ShapeRef = { type: 'structure', members: {} };
    node.members!.Next = node;
    const nested = (levels: number) => {
      let value: Record<string, unknown> = {};
      for (let i = 0; i < levels; i++) value = { Next: value };
      return value;
    };
    expect(validateShapeInput(resolveShape(node), nested(INPUT_LIMITS.depth))).toEqual({ ok: true });
    const error = errorOf(validateShapeInput(resolveShape(node), nested(INPUT_LIMITS.depth + 1)));
    expect(error.code).toBe('InvalidParameterValue');
    expect(error.message).toBe(`The parameter ${'Next.'.repeat(21).slice(0, -1)} is nested more than 20 levels deep.`);
  });
});

describe('validateModelInput: guards and cost', () => {
  const ids = (count: number) => Array.from({ length: count }, (_, i) => `i-${i.toString(16).padStart(17, '0')}`);

  it(`takes ${INPUT_LIMITS.listMembers} list members and refuses more`, () => {
    expect(validateModelInput('DescribeInstances', { InstanceIds: ids(1000) })).toEqual({ ok: true });
    expect(errorOf(validateModelInput('DescribeInstances', { InstanceIds: ids(1001) }))).toEqual({
      code: 'InvalidParameterValue',
      message: 'The parameter InstanceIds has 1001 members; EC2 Lab accepts at most 1000.',
    });
  });

  it('stops at 100,000 values, however small the message that stands for them (shared references)', () => {
    const values = Array.from({ length: 1000 }, () => 'running');
    const filter = { Name: 'instance-state-name', Values: values };
    const error = errorOf(validateModelInput('DescribeInstances', { Filters: Array(1000).fill(filter) }));
    expect(error).toEqual({
      code: 'InvalidParameterValue',
      message: 'The request has more than 100000 parameter values.',
    });
  });
});

describe('validateModelInput: property', () => {
  const servedOperations = [...EC2_OPERATION_NAMES];
  const expectedCodes = new Set(['UnknownParameter', 'MissingParameter', 'InvalidParameterValue']);

  /** Inputs near the model: real member names with random JSON values, some junk names, some whole junk. */
  const input = (shape: Shape) => {
    const names = Object.keys(shape.members);
    const key = fc.oneof(
      { weight: 6, arbitrary: names.length ? fc.constantFrom(...names) : fc.string() },
      { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'Filter', 'instanceIds', '') },
      { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
    );
    return fc.oneof(
      { weight: 6, arbitrary: fc.dictionary(key, fc.jsonValue({ maxDepth: 4 }), { maxKeys: 6 }) },
      { weight: 1, arbitrary: fc.jsonValue() },
    );
  };
  const call = fc
    .constantFrom(...servedOperations)
    .chain((operation) => input(findOperation(operation)!.input!).map((value) => ({ operation, value })));

  it('1,000 random JSON inputs for served operations: ok, or an AWS parameter error, never a throw', () => {
    let refused = 0;
    fc.assert(
      fc.property(call, ({ operation, value }) => {
        // Through the web door the input is JSON that went through the wire codec.
        const check = validateModelInput(operation, JSON.parse(JSON.stringify(value)) as unknown);
        if (check.ok) return;
        refused++;
        expect(isApiError(check.error)).toBe(true);
        expect(expectedCodes.has(check.error.code), check.error.code).toBe(true);
        expect(check.error.message.length).toBeLessThan(600);
      }),
      { numRuns: 1000 },
    );
    // The generator must exercise both answers, or the property proves little.
    expect(refused).toBeGreaterThan(100);
    expect(refused).toBeLessThan(1000);
  });

  /** A value the shape admits, of the types IPC carries (Dates and bytes included). */
  function valid(shape: Shape, depth = 0): fc.Arbitrary<unknown> {
    switch (shape.type) {
      case 'structure': {
        // Deep down, only what is required, so the values stay small.
        const names = Object.keys(shape.members).filter((name) => depth <= 3 || shape.required.includes(name));
        const members = Object.fromEntries(
          names.map((name) => [name, valid(resolveShape(shape.members[name]!), depth + 1)]),
        );
        return fc.record(members, { requiredKeys: [...shape.required] });
      }
      case 'list':
        return fc.array(valid(resolveShape(shape.member!), depth + 1), { maxLength: depth > 3 ? 0 : 2 });
      case 'map':
        return fc.dictionary(fc.string({ maxLength: 5 }), valid(resolveShape(shape.value!), depth + 1), { maxKeys: 2 });
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return fc.integer();
      case 'long':
        return fc.maxSafeInteger();
      case 'float':
      case 'double':
        return fc.double({ noNaN: true, noDefaultInfinity: true });
      case 'timestamp':
        return fc.oneof(fc.date({ noInvalidDate: true }), fc.integer({ min: 0 }));
      case 'blob':
        return fc.uint8Array({ maxLength: 8 });
      default:
        return fc.string({ maxLength: 8 });
    }
  }

  it('500 inputs built from the model for served operations all pass', () => {
    const validCall = fc
      .constantFrom(...servedOperations)
      .chain((operation) => valid(findOperation(operation)!.input!).map((value) => ({ operation, value })));
    fc.assert(
      fc.property(validCall, ({ operation, value }) => {
        expect(validateModelInput(operation, value)).toEqual({ ok: true });
      }),
      { numRuns: 500 },
    );
  });
});
