/**
 * Classroom scale: 10,000 instances across four regions in a SQLite lab (WAL, one transaction per
 * command), the clock at 60×. A tick with nothing due, an acknowledged mutation (p95, committed to
 * disk), DescribeInstances with MaxResults 1000 answered as the EC2 API's XML, reopening the lab, and
 * the idle CPU of browser mode left open on that lab.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { ApiCall } from '../shared/api';
import { findOperation } from '../electron/doors/common/ec2-model';
import { serializeOutputChunks } from '../electron/doors/ec2-api/xml-output-serializer';
import { createEngine, type Engine } from '../electron/engine/engine';
import { openSqliteStateStore } from '../electron/engine/state/sqlite-state-store';
import { quickStartImage } from '../electron/engine/test-support/test-lab';
import { measure } from './measure';
import { startLabProcess } from './processes';
import { atMost, info, record } from './verdict';

const REGIONS = ['ap-northeast-2', 'us-east-1', 'eu-west-1', 'us-west-2'];
const PER_REGION = 2500;
const PER_CALL = 500;

function call(engine: Engine, operation: string, input: unknown, region = REGIONS[0]!): unknown {
  const result = engine.dispatch({ service: 'ec2', operation, region, input } as ApiCall);
  if (!result.ok) throw new Error(`${operation}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

function labCall(engine: Engine, operation: string, input: unknown): unknown {
  const result = engine.dispatch({ service: 'lab', operation, input } as ApiCall);
  if (!result.ok) throw new Error(`${operation}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

const open = (directory: string) => createEngine({ store: openSqliteStateStore(directory) });

it('10,000 instances across regions, clock at 60×', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'ec2lab-bench-scale-'));
  let engine = open(directory);
  try {
    const filling = performance.now();
    const ids: string[] = [];
    for (const region of REGIONS) {
      const ImageId = quickStartImage('amazon-linux', 'x86_64', region);
      for (let made = 0; made < PER_REGION; made += PER_CALL) {
        const reservation = call(
          engine,
          'RunInstances',
          { ImageId, InstanceType: 't3.micro', MinCount: PER_CALL, MaxCount: PER_CALL },
          region,
        ) as { Instances: { InstanceId: string }[] };
        if (region === REGIONS[0]) ids.push(...reservation.Instances.map((i) => i.InstanceId));
      }
    }
    record(info('launch 10,000 instances (20 RunInstances of 500)', Math.round(performance.now() - filling), 'ms'));
    // Everything settles: running, status checks passed; then nothing is due.
    labCall(engine, 'AdvanceClock', { milliseconds: 10 * 60_000 });
    labCall(engine, 'SetClockSpeed', { speed: 60 });

    const tick = measure(40, () => engine.tick());
    record(info('one engine tick with nothing due (median)', tick.medianMs, 'ms'));

    // An acknowledged mutation: the command's transaction is committed when dispatch returns.
    const mutation = measure(400, (index) => {
      const id = ids[(index * 37) % ids.length]!;
      if (index % 2 === 0)
        call(engine, 'CreateTags', { Resources: [id], Tags: [{ Key: 'round', Value: String(index) }] });
      else call(engine, 'RebootInstances', { InstanceIds: [id] });
    });
    record(atMost('acknowledged mutation, CreateTags / RebootInstances (p95)', mutation.p95Ms, 'ms', 5));

    const output = findOperation('DescribeInstances')!.output;
    let answered = 0;
    const page = measure(20, () => {
      const value = call(engine, 'DescribeInstances', { MaxResults: 1000 }) as {
        Reservations: { Instances: unknown[] }[];
      };
      answered = value.Reservations.reduce((count, reservation) => count + reservation.Instances.length, 0);
      serializeOutputChunks('DescribeInstances', output, value, 'request-id');
    });
    expect(answered).toBe(1000);
    record(atMost('DescribeInstances MaxResults 1000 of 2,500, with XML (median)', page.medianMs, 'ms', 50));
    record(info('  … the first of them (no view kept yet)', page.maxMs, 'ms'));

    engine.close();
    const reopening = performance.now();
    engine = open(directory);
    const reopenMs = Math.round(performance.now() - reopening);
    record(atMost('reopen the lab with 10,000 instances', reopenMs, 'ms', 300));
    expect(
      (call(engine, 'DescribeInstances', { InstanceIds: [ids[0]!] }) as { Reservations: unknown[] }).Reservations,
    ).toHaveLength(1);
    engine.close();

    // The reopen in its parts: the store reads and parses every record, the engine takes them in.
    const storeOpening = performance.now();
    const store = openSqliteStateStore(directory);
    const storeMs = Math.round(performance.now() - storeOpening);
    const engineMaking = performance.now();
    engine = createEngine({ store });
    const engineMs = Math.round(performance.now() - engineMaking);
    record(info('  … the store: its seal checked, every record read and parsed', storeMs, 'ms'));
    record(info('  … the engine: the records loaded into its collections', engineMs, 'ms'));
    engine.close();
    // As after a crash or a change by another program: no seal, so the page scan and every record's checks.
    rmSync(join(directory, 'lab.sqlite-closed'), { force: true });
    const checkedOpening = performance.now();
    engine = open(directory);
    record(
      info(
        '  … reopened with every check (no seal: after a crash)',
        Math.round(performance.now() - checkedOpening),
        'ms',
      ),
    );
    engine.close();

    // Idle: browser mode on this lab, as a learner leaves it open, the clock at 60× (saved with the lab).
    const lab = await startLabProcess({ dataDirectory: directory, inspect: false });
    try {
      await waitRealMs(2_000);
      const cpuBefore = lab.cpuMs();
      const wallBefore = performance.now();
      await waitRealMs(5_000);
      const idlePercent = ((lab.cpuMs() - cpuBefore) / (performance.now() - wallBefore)) * 100;
      record(atMost('idle CPU of browser mode, 10,000 instances, clock 60×', round(idlePercent), '% of a core', 2));
    } finally {
      await lab.stop();
    }
    engine = open(directory);
  } finally {
    engine.close();
    rmSync(directory, { recursive: true, force: true });
  }
});

const round = (value: number) => Math.round(value * 100) / 100;
const waitRealMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
