/**
 * 1,000 random requests against the real server and engine: real and unknown actions, parameters
 * with wrong types, odd indexes and huge lists, broken encodings, random bytes, bad signatures.
 * Whatever comes, the answer is a well-formed EC2 response or error envelope, never a 500, and the
 * server still serves the SDK afterwards.
 */
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EC2_OPERATION_NAMES } from '../../../shared/ec2-operations';
import { createEngine, type Engine } from '../../engine/engine';
import { nodeKeyMaker } from '../../engine/state/node-key-maker';
import { MemoryStateStore } from '../../engine/state/state-store';
import { createAccessKeys } from './access-keys';
import { findOperation, resolveShape, type Shape } from '../common/ec2-model';
import { ec2QueryName } from './query-input-parser';
import { startEc2ApiServer, type Ec2ApiServer } from './ec2-api-server';
import { parseErrorEnvelope, sendRaw } from './test-support/raw-http';
import { signRequest } from './test-support/sign-request';
import { isWellFormedXml } from './test-support/well-formed-xml';

const keys = createAccessKeys();
let engine: Engine;
let server: Ec2ApiServer;
const internalErrors: unknown[] = [];

beforeAll(async () => {
  engine = createEngine({ store: new MemoryStateStore(), keyMaker: nodeKeyMaker });
  server = await startEc2ApiServer({
    engine,
    port: 0,
    credentials: keys,
    onInternalError: (error) => internalErrors.push(error),
  });
});
afterAll(async () => {
  await server.close();
  engine.close();
});

const action = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...EC2_OPERATION_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom('CreateVolume', 'DescribeKeyPairs', 'AttachVolume') },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

const segment = fc.oneof(
  fc.constantFrom(
    'InstanceId',
    'Filter',
    'Name',
    'Value',
    'MaxResults',
    'NextToken',
    'MinCount',
    'MaxCount',
    'ImageId',
    'InstanceType',
    'TagSpecification',
    'ResourceType',
    'Tag',
    'Key',
    'ResourceId',
    'BlockDeviceMapping',
    'Ebs',
    'VolumeSize',
    'DeviceName',
    'DryRun',
    'Placement',
    'AvailabilityZone',
    'Monitoring',
    'Enabled',
    'Attribute',
    'DisableApiTermination',
    'RegionName',
    'ZoneName',
    'Owner',
    'Force',
    'Hibernate',
    'Ipv6Address',
  ),
  fc.constantFrom('1', '2', '0', '-1', '01', 'x', '99999999999999999999', '', ' '),
  fc.nat({ max: 3000 }).map(String),
  fc.string({ maxLength: 8 }),
);
const paramName = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'InstanceId.1',
      'InstanceId.2',
      'Filter.1.Name',
      'Filter.1.Value.1',
      'Filter.2.Value.1',
      'MaxResults',
      'NextToken',
      'MinCount',
      'MaxCount',
      'ImageId',
      'InstanceType',
      'KeyName',
      'TagSpecification.1.ResourceType',
      'TagSpecification.1.Tag.1.Key',
      'TagSpecification.1.Tag.1.Value',
      'ResourceId.1',
      'Tag.1.Key',
      'Tag.1.Value',
      'BlockDeviceMapping.1.DeviceName',
      'BlockDeviceMapping.1.Ebs.VolumeSize',
      'Placement.AvailabilityZone',
      'DryRun',
      'Force',
      'Hibernate',
      'Attribute',
      'RegionName.1',
      'ZoneName.1',
      'InstanceType.Value',
      'DisableApiTermination.Value',
      'AllRegions',
      'IncludeAllInstances',
      'LocationType',
      'Owner.1',
    ),
  },
  { weight: 1, arbitrary: fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('.')) },
);
const paramValue = fc.oneof(
  fc.constantFrom('true', 'false', 'TRUE', 'yes', '', '0', '1', '5', '-1', '2147483648', '1e999', 'NaN', '1.5'),
  fc.constantFrom('i-0123456789abcdef0', 'i-bad', 'ami-0123456789abcdef0', 't3.micro', 'ap-northeast-2a'),
  fc.constantFrom('running', 'instance-state-name', 'tag:Name', '2026-11-25T18:22:18Z', 'not-a-date'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.nat({ max: 20_000 }).map((n) => 'x'.repeat(n)),
);
const params = fc.array(fc.tuple(paramName, paramValue), { maxLength: 5 });
/** Occasionally a very long list: InstanceId.1 … InstanceId.N. */
const hugeList = fc.option(fc.integer({ min: 100, max: 3000 }), { freq: 10 });

/** Parameters an operation's model admits (mostly), so many requests reach the engine. */
function modelParams(shape: Shape | undefined, prefix = '', depth = 0): fc.Arbitrary<[string, string][]> {
  if (!shape || depth > 4) return fc.constant([]);
  switch (shape.type) {
    case 'structure': {
      const base = prefix ? `${prefix}.` : '';
      const members = Object.entries(shape.members).map(([name, ref]) => {
        const member = resolveShape(ref);
        return fc.option(modelParams(member, `${base}${ec2QueryName(name, member)}`, depth + 1), { freq: 3 });
      });
      return fc.tuple(...members).map((parts) => parts.flatMap((part) => part ?? []));
    }
    case 'list':
      return fc
        .array(fc.nat({ max: 2 }), { maxLength: 3 })
        .chain((items) =>
          fc.tuple(...items.map((_, i) => modelParams(resolveShape(shape.member!), `${prefix}.${i + 1}`, depth + 1))),
        )
        .map((parts) => parts.flat());
    case 'integer':
    case 'long':
      return fc.oneof(fc.integer({ min: -1, max: 1001 }).map(String), paramValue).map((v) => [[prefix, v]]);
    case 'boolean':
      return fc.constantFrom('true', 'false', 'maybe').map((v) => [[prefix, v]]);
    default:
      return paramValue.map((v) => [[prefix, v]]);
  }
}
const modelRequest = fc
  .constantFrom(...EC2_OPERATION_NAMES)
  .chain((name) => modelParams(findOperation(name)!.input).map((pairs) => formBody(name, pairs, null)));

const encode = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);

const body = fc.oneof(
  { weight: 8, arbitrary: modelRequest },
  { weight: 8, arbitrary: fc.tuple(action, params, hugeList).map(([a, p, n]) => formBody(a, p, n)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc.tuple(action, fc.string({ maxLength: 50 })).map(([a, junk]) => `Action=${a}&${junk}%E0%A4%A&%`),
  },
);

function formBody(name: string, pairs: [string, string][], listLength: number | null): string {
  const all: [string, string][] = [['Action', name], ['Version', '2016-11-15'], ...pairs];
  for (let i = 1; i <= (listLength ?? 0); i++) all.push([`InstanceId.${i}`, `i-${i.toString(16).padStart(17, '0')}`]);
  return all.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
}

const request = fc.record({
  body,
  method: fc.constantFrom('POST', 'POST', 'POST', 'GET'),
  contentType: fc.constantFrom(
    'application/x-www-form-urlencoded; charset=utf-8',
    'application/x-www-form-urlencoded',
    'application/x-www-form-urlencoded',
    'application/x-www-form-urlencoded',
    'application/x-www-form-urlencoded',
    'application/json',
  ),
  signing: fc.constantFrom('good', 'good', 'good', 'good', 'good', 'none', 'wrong-secret', 'garbled'),
  region: fc.constantFrom('ap-northeast-2', 'us-east-1', 'mars-north-1'),
});

describe('robustness', () => {
  it('answers 1,000 random requests with well-formed EC2 XML and never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const bytes = typeof r.body === 'string' ? new TextEncoder().encode(r.body) : r.body;
        // GET carries the parameters in the URL, which Node caps with the headers (16 KiB); longer ones go as POST.
        const asQuery = r.method === 'GET' && typeof r.body === 'string' && r.body.length < 12_000;
        const host = `127.0.0.1:${server.port}`;
        const headers: Record<string, string> = { host };
        if (r.contentType) headers['content-type'] = r.contentType;
        if (r.signing !== 'none') {
          const signed = await signRequest({
            keys: r.signing === 'wrong-secret' ? { ...keys, secretAccessKey: 'x'.repeat(40) } : keys,
            method: r.method,
            host,
            region: r.region,
            headers,
            ...(asQuery ? { query: Object.fromEntries(new URLSearchParams(r.body as string)) } : { body: bytes }),
          });
          for (const [name, values] of Object.entries(signed.headers)) headers[name] = values![0]!;
          if (r.signing === 'garbled') headers.authorization = headers.authorization!.replace('Credential=', 'Cred=');
        }
        const reply = await sendRaw({
          port: server.port,
          method: r.method,
          path: asQuery ? `/?${(r.body as string).replace(/[^\x21-\x7e]/g, encodeURIComponent)}` : '/',
          headers,
          body: asQuery ? undefined : bytes,
        });
        expect(reply.status).not.toBe(500);
        expect(isWellFormedXml(reply.body), reply.body.slice(0, 300)).toBe(true);
        if (reply.status === 200) {
          expect(reply.body).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<(\w+)Response xmlns=/);
        } else {
          expect(parseErrorEnvelope(reply.body), reply.body.slice(0, 300)).toBeDefined();
        }
      }),
      { numRuns: 1000 },
    );
    expect(internalErrors).toEqual([]);
    const sdk = new EC2Client({ endpoint: `http://127.0.0.1:${server.port}`, region: 'us-east-1', credentials: keys });
    const { Regions } = await sdk.send(new DescribeRegionsCommand({}));
    expect(Regions!.length).toBeGreaterThan(0);
  }, 120_000);
});
