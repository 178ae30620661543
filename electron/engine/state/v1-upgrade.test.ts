/**
 * A lab saved by the first release (schema v1) opens after the upgrade with everything intact: the
 * database by its migration, and a lab file exported by v1 by import. The fixtures were made by the
 * v1 code itself (test-fixtures/v1/README.md), including what v1 answered for that lab
 * (described-by-v1.json); v2 must answer the same.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TIMINGS } from '../instances/lifecycle';
import { createTestLab, type TestLab } from '../test-support/test-lab';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { openSqliteStateStore } from './sqlite-state-store';

const FIXTURES = new URL('./test-fixtures/v1/', import.meta.url).pathname;
const ids = JSON.parse(readFileSync(join(FIXTURES, 'ids.json'), 'utf8')) as {
  web: string;
  db: string;
  hib: string;
  gone: string;
  ubuntu: string[];
  vpc: string;
  subnet: string;
};
const v1 = JSON.parse(readFileSync(join(FIXTURES, 'described-by-v1.json'), 'utf8')) as Record<
  string,
  Record<string, unknown>
>;
/** The real time the fixture lab was made at, so the lab clock resumes where v1 left it. */
const REAL_START = Date.UTC(2026, 10, 25, 9, 0, 0);
const REGIONS = ['ap-northeast-2', 'us-east-1'];

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

/**
 * Lists in record order: a database loads its records by id, an import in the file's order, so
 * v1 itself listed the same lab in either order. Everything else must match exactly.
 */
function inIdOrder(answer: Record<string, { [key: string]: unknown }[]>): unknown {
  const key = (item: { [key: string]: unknown }) =>
    String(item.ReservationId ?? item.InstanceId ?? item.ResourceId ?? '') + String(item.Key ?? '');
  return json(
    Object.fromEntries(
      Object.entries(answer).map(([name, list]) => [
        name,
        Array.isArray(list) ? [...list].sort((a, b) => key(a).localeCompare(key(b))) : list,
      ]),
    ),
  );
}

let directories: string[] = [];
afterEach(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
  directories = [];
});

function openV1Database(): TestLab {
  const directory = mkdtempSync(join(tmpdir(), 'ec2lab-v1-'));
  directories.push(directory);
  copyFileSync(join(FIXTURES, 'lab.sqlite'), join(directory, 'lab.sqlite'));
  return createTestLab({ store: openSqliteStateStore(directory), realStart: REAL_START });
}

function importV1Export(): TestLab {
  const lab = createTestLab({ realStart: REAL_START });
  lab.lab('ImportLab', { content: readFileSync(join(FIXTURES, 'lab-export.json'), 'utf8') });
  return lab;
}

/** What v1 answered, asked again of the upgraded lab. */
function expectSameAnswersAsV1(lab: TestLab): void {
  for (const region of REGIONS) {
    const before = v1[region]!;
    expect(inIdOrder(lab.ec2('DescribeInstances', {}, region) as never)).toEqual(
      inIdOrder(before.DescribeInstances as never),
    );
    expect(inIdOrder(lab.ec2('DescribeTags', {}, region) as never)).toEqual(inIdOrder(before.DescribeTags as never));
    expect(json(lab.ec2('DescribeVpcs', {}, region))).toEqual(before.DescribeVpcs);
    expect(json(lab.ec2('DescribeSubnets', {}, region))).toEqual(before.DescribeSubnets);
    expect(inIdOrder(lab.ec2('DescribeInstanceStatus', { IncludeAllInstances: true }, region) as never)).toEqual(
      inIdOrder(before.DescribeInstanceStatus as never),
    );
    const attributes = before.attributes as Record<string, Record<string, unknown>>;
    for (const [id, byName] of Object.entries(attributes)) {
      for (const [name, answer] of Object.entries(byName)) {
        expect(
          json(lab.ec2('DescribeInstanceAttribute', { InstanceId: id, Attribute: name as never }, region)),
        ).toEqual(answer);
      }
    }
  }
  expect(lab.lab('GetClock', {})).toEqual(v1.clock);
}

describe.each([
  ['a v1 database, migrated on open', openV1Database],
  ['a lab file exported by v1, imported', importV1Export],
])('%s', (_name, open) => {
  it('answers every Describe exactly as v1 did: instances, IPs, MACs, interfaces, volumes, tags, attributes, clock', () => {
    const lab = open();
    expect(lab.lab('GetStatus', {}).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expectSameAnswersAsV1(lab);
  });

  it('keeps the activity log', () => {
    const lab = open();
    const activity = v1.activity as { Events: { EventId: string }[] };
    expect(json(lab.lab('DescribeActivity', {}))).toEqual(activity);
  });

  it('goes on working: start, stop and terminate with the upgraded interfaces and volumes', () => {
    const lab = open();
    const instance = (id: string) =>
      lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!;
    const web = instance(ids.web);
    expect(web.Tags).toEqual(expect.arrayContaining([{ Key: 'Name', Value: '웹 서버' }]));

    // The stopped db instance starts with its old private address and a new public one.
    const db = instance(ids.db);
    lab.ec2('StartInstances', { InstanceIds: [ids.db] });
    lab.pass(TIMINGS.pendingMs);
    const started = instance(ids.db);
    expect(started.State!.Name).toBe('running');
    expect(started.PrivateIpAddress).toBe(db.PrivateIpAddress);
    expect(started.NetworkInterfaces![0]!.MacAddress).toBe(db.NetworkInterfaces![0]!.MacAddress);
    expect(started.PublicIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);

    // Terminating the running web instance releases its interface and its root volume.
    lab.ec2('ModifyInstanceAttribute', { InstanceId: ids.web, DisableApiTermination: { Value: false } });
    const eni = web.NetworkInterfaces![0]!.NetworkInterfaceId!;
    const volume = web.BlockDeviceMappings![0]!.Ebs!.VolumeId!;
    lab.ec2('TerminateInstances', { InstanceIds: [ids.web] });
    lab.pass(TIMINGS.shuttingDownMs);
    expect(instance(ids.web).NetworkInterfaces).toEqual([]);
    expect(lab.ec2Error('CreateTags', { Resources: [eni], Tags: [{ Key: 'k', Value: 'v' }] }).code).toBe(
      'InvalidNetworkInterfaceID.NotFound',
    );
    expect(lab.ec2Error('CreateTags', { Resources: [volume], Tags: [{ Key: 'k', Value: 'v' }] }).code).toBe(
      'InvalidVolume.NotFound',
    );

    // A new launch never takes an address an upgraded interface holds.
    const held = new Set(
      lab
        .ec2('DescribeInstances', {})
        .Reservations!.flatMap((r) => r.Instances!)
        .map((i) => i.PrivateIpAddress)
        .filter(Boolean),
    );
    const launched = lab.ec2('RunInstances', {
      ImageId: web.ImageId!,
      InstanceType: 't3.micro',
      MinCount: 20,
      MaxCount: 20,
      SubnetId: web.SubnetId!,
    });
    for (const i of launched.Instances!) expect(held.has(i.PrivateIpAddress)).toBe(false);
  });
});
