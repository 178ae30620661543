import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../shared/events';
import { TIMINGS } from './instances/lifecycle';
import { openSqliteStateStore } from './state/sqlite-state-store';
import { MemoryStateStore, type RecordChange } from './state/state-store';
import { createEngine } from './engine';
import { createTestLab } from './test-support/test-lab';

const directories: string[] = [];
afterEach(() => {
  for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('dispatch', () => {
  it('answers unknown operations with InvalidAction and unknown regions with InvalidRegion', () => {
    const lab = createTestLab();
    expect(
      lab.engine.dispatch({ service: 'ec2', operation: 'LaunchRocket', region: 'ap-northeast-2', input: {} } as never),
    ).toEqual({
      ok: false,
      error: { code: 'InvalidAction', message: 'The action LaunchRocket is not valid for this web service.' },
    });
    const result = lab.engine.dispatch({ service: 'ec2', operation: 'DescribeInstances', region: 'mars-1', input: {} });
    expect(result.ok ? undefined : result.error.code).toBe('InvalidRegion');
    const bad = lab.engine.dispatch({
      service: 'ec2',
      operation: 'DescribeInstances',
      region: 'ap-northeast-2',
      input: 7,
    } as never);
    expect(bad.ok ? undefined : bad.error.code).toBe('InvalidParameterValue');
  });

  it('pushes one resources-changed event per command and per transition', () => {
    const lab = createTestLab();
    const events: EngineEvent[] = [];
    lab.engine.onEvent((e) => events.push(e));
    const reservation = lab.ec2('RunInstances', { ImageId: imageId(lab), MinCount: 2, MaxCount: 2 });
    const ids = reservation.Instances!.map((i) => i.InstanceId);
    const interfaces = reservation.Instances!.map((i) => i.NetworkInterfaces![0]!.NetworkInterfaceId);
    const volumes = reservation.Instances!.map((i) => i.BlockDeviceMappings![0]!.Ebs!.VolumeId);
    // A launch makes each instance's primary network interface and root volume too: one event per kind.
    expect(events.filter((e) => e.type === 'resources-changed')).toEqual([
      { type: 'resources-changed', region: 'ap-northeast-2', resource: 'network-interface', ids: interfaces },
      { type: 'resources-changed', region: 'ap-northeast-2', resource: 'volume', ids: volumes },
      { type: 'resources-changed', region: 'ap-northeast-2', resource: 'instance', ids },
    ]);
    events.length = 0;
    lab.pass(TIMINGS.pendingMs);
    expect(events.filter((e) => e.type === 'resources-changed')).toEqual([
      { type: 'resources-changed', region: 'ap-northeast-2', resource: 'instance', ids },
    ]);
    events.length = 0;
    lab.ec2Error('StopInstances', { InstanceIds: ['i-0123456789abcdef0'] });
    expect(events.filter((e) => e.type === 'resources-changed')).toEqual([]);
  });

  it('loses nothing when the store fails to commit: memory rolls back with it', () => {
    const store = new MemoryStateStore();
    const lab = createTestLab({ store });
    const id = lab.launch();
    lab.pass(TIMINGS.pendingMs);
    const commit = store.commit.bind(store);
    store.commit = (_changes: readonly RecordChange[]) => {
      throw new Error('disk full');
    };
    expect(lab.ec2Error('StopInstances', { InstanceIds: [id] }).code).toBe('InternalError');
    store.commit = commit;
    expect(lab.stateOf(id)).toBe('running');
  });

  it('answers an error it did not expect with a request id, and tells the host with the same id', () => {
    const store = new MemoryStateStore();
    const seen: { error: unknown; operation: string; requestId: string }[] = [];
    const engine = createEngine({ store, onUnexpectedError: (error, context) => seen.push({ error, ...context }) });
    const described = engine.dispatch({
      service: 'ec2',
      operation: 'DescribeVpcs',
      region: 'ap-northeast-2',
      input: {},
    });
    const vpcId = (described as { value: { Vpcs: { VpcId: string }[] } }).value.Vpcs[0]!.VpcId;
    store.commit = () => {
      throw new TypeError('a bug');
    };
    const result = engine.dispatch({
      service: 'ec2',
      operation: 'CreateTags',
      region: 'ap-northeast-2',
      input: { Resources: [vpcId], Tags: [{ Key: 'k', Value: 'v' }] },
    });
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.error.message;
    const requestId = /^An internal error has occurred \(request id ([0-9a-f-]{36})\)\.$/.exec(message)?.[1];
    expect(requestId).toBeDefined();
    expect(seen).toEqual([{ error: new TypeError('a bug'), operation: 'CreateTags', requestId }]);
  });
});

describe('state on disk', () => {
  it('survives a restart: instances, tags, clock and pending transitions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ec2lab-engine-'));
    directories.push(dir);
    const first = createTestLab({ store: openSqliteStateStore(dir) });
    const id = first.launch({
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'kept' }] }],
    });
    first.lab('SetClockSpeed', { speed: 10 });
    const before = first.ec2('DescribeInstances', {}).Reservations;
    first.engine.close();

    const second = createTestLab({ store: openSqliteStateStore(dir), realStart: Date.now() });
    expect(second.ec2('DescribeInstances', {}).Reservations).toEqual(before);
    expect(second.lab('GetClock', {}).speed).toBe(10);
    second.pass(TIMINGS.pendingMs / 10);
    expect(second.stateOf(id)).toBe('running');
    second.engine.close();
  });

  it('resumes the lab clock where it was, even when nothing else changed', () => {
    const store = new MemoryStateStore();
    const first = createTestLab({ store });
    first.lab('SetClockSpeed', { speed: 60 });
    const before = first.lab('GetClock', {}).now;
    first.pass(60_000); // an hour of lab time, with nothing to do
    first.engine.close();
    const second = createTestLab({ store, realStart: Date.UTC(2030, 0, 1) });
    expect(second.lab('GetClock', {}).now).toBe(before + 60 * 60_000);
  });

  it('resumes the clock from the newest logged call after a crash, when the settings saved an earlier time', () => {
    const store = new MemoryStateStore();
    const first = createTestLab({ store });
    const id = first.launch();
    first.pass(600_000); // ten hours of lab time: the instance is running, its status checks passed
    first.lab('SetClockSpeed', { speed: 60 }); // saves the clock
    first.pass(4_000); // four minutes of lab time with nothing to do; the clock itself is saved every 5 s of real time
    const tagged = first.lab('GetClock', {}).now;
    first.ec2('CreateTags', { Resources: [id], Tags: [{ Key: 'Name', Value: 'web' }] });
    // No close: the process died right after the call.
    const second = createTestLab({ store, realStart: Date.UTC(2030, 0, 1) });
    expect(second.lab('GetClock', {}).now).toBe(tagged);
    expect(second.lab('DescribeActivity', {}).Events[0]).toMatchObject({ EventName: 'CreateTags', EventTime: tagged });
  });

  it('tells the user when the saved state could not be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ec2lab-engine-'));
    directories.push(dir);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'lab.sqlite'), 'this is not a database, it is a shopping list');
    const lab = createTestLab({ store: openSqliteStateStore(dir) });
    const status = lab.lab('GetStatus', {});
    expect(status.notices).toHaveLength(1);
    expect(status.notices[0]).toMatchObject({ code: 'StateRecovered' });
    expect(status.notices[0]!.path).toContain('lab.sqlite.corrupt-');
    lab.lab('DismissNotice', { at: status.notices[0]!.at });
    expect(lab.lab('GetStatus', {}).notices).toEqual([]);
    lab.engine.close();
  });
});

function imageId(lab: ReturnType<typeof createTestLab>): string {
  return lab.lab('DescribeQuickStartImages', { Region: 'ap-northeast-2' }).Images[0]!.ImageId;
}

describe('DryRun', () => {
  it('answers DryRunOperation when the request would succeed, and changes nothing', () => {
    const lab = createTestLab();
    const events: EngineEvent[] = [];
    lab.engine.onEvent((e) => events.push(e));
    expect(lab.ec2Error('RunInstances', { ImageId: imageId(lab), MinCount: 1, MaxCount: 1, DryRun: true })).toEqual({
      code: 'DryRunOperation',
      message: 'Request would have succeeded, but DryRun flag is set.',
    });
    expect(lab.ec2('DescribeInstances', {}).Reservations).toEqual([]);
    expect(events.filter((e) => e.type === 'resources-changed')).toEqual([]);
    expect(lab.lab('DescribeActivity', {}).Events[0]).toMatchObject({
      EventName: 'RunInstances',
      ErrorCode: 'DryRunOperation',
    });
  });

  it('answers the real error when the request would fail', () => {
    const lab = createTestLab();
    expect(lab.ec2Error('StopInstances', { InstanceIds: ['i-0123456789abcdef0'], DryRun: true }).code).toBe(
      'InvalidInstanceID.NotFound',
    );
  });
});

describe('a lab that cannot be saved', () => {
  it('answers a clear error naming the cause, changes nothing and loses nothing saved', () => {
    const directory = mkdtempSync(join(tmpdir(), 'ec2lab-full-'));
    try {
      // A cap a little above a new lab (every region's default VPC with its parts) makes SQLite answer SQLITE_FULL, as a full disk does.
      const lab = createTestLab({ store: openSqliteStateStore(directory, { maxSizeBytes: 160 * 1024 }) });
      const saved: string[] = [];
      let refused: { code: string; message: string } | undefined;
      while (!refused && saved.length < 500) {
        const result = lab.engine.dispatch({
          service: 'ec2',
          operation: 'RunInstances',
          region: 'ap-northeast-2',
          input: { ImageId: imageId(lab), MinCount: 1, MaxCount: 1 },
        });
        if (result.ok) saved.push((result.value as { Instances: { InstanceId: string }[] }).Instances[0]!.InstanceId);
        else refused = result.error;
      }
      expect(refused?.code).toBe('InternalError');
      expect(refused?.message).toMatch(
        /^The lab could not save this change, so nothing was changed: the disk that holds .*lab\.sqlite is full, or the lab reached its size limit \(SQLITE_FULL\); free some space and try again\.$/,
      );
      const described = lab.ec2('DescribeInstances', {}).Reservations!.flatMap((r) => r.Instances!);
      expect(described.map((i) => i.InstanceId).sort()).toEqual([...saved].sort());
      lab.engine.close();
      const reopened = createTestLab({ store: openSqliteStateStore(directory) });
      const kept = reopened.ec2('DescribeInstances', {}).Reservations!.flatMap((r) => r.Instances!);
      expect(kept.map((i) => i.InstanceId).sort()).toEqual([...saved].sort());
      reopened.engine.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
