import { describe, expect, it } from 'vitest';
import { TIMINGS } from '../instances/lifecycle';
import { MemoryStateStore } from '../state/state-store';
import { createTestLab, type TestLab } from '../test-support/test-lab';

interface LabFile {
  schemaVersion: number;
  records: { collection: string; id: string; data: Record<string, unknown> }[];
}

function exported(lab: TestLab): LabFile {
  return JSON.parse(lab.lab('ExportLab', {}).content) as LabFile;
}

function instanceRecord(file: LabFile) {
  return file.records.find((r) => r.collection === 'instances')!;
}

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { deeper: value };
  return value;
}

describe('importing a lab file', () => {
  const poisonings: [string, (file: LabFile) => void, RegExp][] = [
    [
      'a record nested 1,500 deep',
      (f) => (instanceRecord(f).data.extra = nested(1500)),
      /nested deeper than 24 levels/,
    ],
    ["state 'toString'", (f) => (instanceRecord(f).data.state = 'toString'), /invalid 'state'/],
    ['a launch time of 1e20', (f) => (instanceRecord(f).data.launchTime = 1e20), /invalid 'launchTime'/],
    [
      'a __proto__ key',
      (f) =>
        (instanceRecord(f).data = JSON.parse(
          JSON.stringify(instanceRecord(f).data).replace('{', '{"__proto__":{"x":1},'),
        )),
      /forbidden key '__proto__'/,
    ],
    ['an id that is not its data’s', (f) => (instanceRecord(f).id = 'i-0123456789abcdef0'), /has the id 'i-/],
    [
      'a clock speed the lab does not have',
      (f) => (f.records.find((r) => r.collection === 'settings')!.data.clockSpeed = 7),
      /invalid 'clockSpeed'/,
    ],
    ['a reserved tag key', (f) => (instanceRecord(f).data.tags = [{ Key: 'aws:x', Value: '' }]), /invalid 'tags'/],
    ['an unknown instance type', (f) => (instanceRecord(f).data.instanceType = 'z9.huge'), /invalid 'instanceType'/],
    [
      'a pending instance with no time to finish',
      (f) => {
        instanceRecord(f).data.state = 'pending';
        delete instanceRecord(f).data.transitionDueAt;
      },
      /invalid 'transitionDueAt'/,
    ],
    [
      'two interfaces with one private address',
      (f) => {
        const enis = f.records.filter((r) => r.collection === 'network-interfaces');
        enis[1]!.data.privateIpAddress = enis[0]!.data.privateIpAddress;
      },
      /have the same privateIpAddress/,
    ],
    ['a newer schema', (f) => (f.schemaVersion = 99), /exported by a newer version of EC2 Lab \(schema version 99/],
  ];

  it.each(poisonings)('refuses %s and keeps the current lab', (_name, poison, message) => {
    const lab = createTestLab();
    const ids = [lab.launch(), lab.launch()];
    lab.pass(TIMINGS.pendingMs);
    const file = exported(lab);
    poison(file);
    const error = lab.labError('ImportLab', { content: JSON.stringify(file) });
    expect(error.code).toBe('InvalidLabFile');
    expect(error.message).toMatch(message);
    for (const id of ids) expect(lab.stateOf(id)).toBe('running');
    expect(lab.lab('GetStatus', {}).notices).toEqual([]);
  });

  it('takes its own export back unchanged', () => {
    const lab = createTestLab();
    const id = lab.launch({ TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: '웹' }] }] });
    lab.pass(TIMINGS.pendingMs);
    const before = lab.ec2('DescribeInstances', {});
    lab.lab('ImportLab', { content: lab.lab('ExportLab', {}).content });
    expect(lab.ec2('DescribeInstances', {})).toEqual(before);
    expect(lab.stateOf(id)).toBe('running');
  });
});

describe('opening a lab with a bad saved record', () => {
  it('sets that record aside with a notice naming it, and opens the rest', () => {
    const store = new MemoryStateStore();
    const lab = createTestLab({ store });
    const good = lab.launch();
    const bad = lab.launch();
    lab.pass(TIMINGS.pendingMs);
    const saved = store.loadAll().find((r) => r.collection === 'instances' && r.id === bad)!;
    store.commit([{ ...saved, data: { ...(saved.data as object), state: 'toString' } }]);

    const reopened = lab.reopen();
    expect(reopened.stateOf(good)).toBe('running');
    expect(reopened.ec2Error('DescribeInstances', { InstanceIds: [bad] }).code).toBe('InvalidInstanceID.NotFound');
    const notices = reopened.lab('GetStatus', {}).notices;
    expect(notices).toHaveLength(1);
    expect(notices[0]!.code).toBe('RecordQuarantined');
    expect(notices[0]!.message).toContain(`instances/${bad}`);
    expect(notices[0]!.message).toContain("has an invalid 'state'");
    // The parts the console words in the learner's language.
    expect(notices[0]).toMatchObject({ record: `instances/${bad}`, problem: "has an invalid 'state'" });
    const quarantined = store.loadAll().find((r) => r.collection === 'quarantine')!;
    expect(quarantined.id).toBe(`instances/${bad}`);
    expect((quarantined.data as { data: { state: string } }).data.state).toBe('toString');

    // Opened again, the lab has nothing left to set aside.
    expect(reopened.reopen().lab('GetStatus', {}).notices).toHaveLength(1);
  });

  it('sets aside a record whose data is not an object, which the checks could not read before', () => {
    const store = new MemoryStateStore();
    const lab = createTestLab({ store });
    const good = lab.launch();
    const bad = lab.launch();
    lab.pass(TIMINGS.pendingMs);
    store.commit([{ collection: 'instances', id: bad, data: null }]);

    const reopened = lab.reopen();
    expect(reopened.stateOf(good)).toBe('running');
    const notices = reopened.lab('GetStatus', {}).notices;
    expect(notices).toMatchObject([
      { code: 'RecordQuarantined', record: `instances/${bad}`, problem: 'is not an object' },
    ]);
  });
});
