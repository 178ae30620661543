// Engine figures: RunInstances and DescribeInstances with 1,000 instances, in memory and on SQLite.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openSqliteStateStore } from '../electron/engine/state/sqlite-state-store';
import { createTestLab, quickStartImage } from '../electron/engine/test-support/test-lab';
import { measure, report } from './measure';

const image = quickStartImage('amazon-linux');

function fill(lab: ReturnType<typeof createTestLab>, count: number) {
  return measure(count, (i) => {
    lab.ec2('RunInstances', {
      ImageId: image,
      InstanceType: 't3.micro',
      MinCount: 1,
      MaxCount: 1,
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: `bench-${i}` }] }],
    });
  });
}

it('DescribeInstances and RunInstances with 1,000 instances (in memory)', () => {
  const lab = createTestLab();
  report('RunInstances x1000, memory store', fill(lab, 1000));
  const all = measure(50, () => lab.ec2('DescribeInstances', {}));
  report('DescribeInstances all of 1,000, memory store', all);
  const filtered = measure(50, () =>
    lab.ec2('DescribeInstances', { Filters: [{ Name: 'tag:Name', Values: ['bench-99*'] }] }),
  );
  report('DescribeInstances tag filter over 1,000', filtered);
  const paged = measure(50, () => lab.ec2('DescribeInstances', { MaxResults: 100 }));
  report('DescribeInstances first page of 100 over 1,000', paged);
  const tick = measure(20, () => lab.pass(1000));
  report('engine tick with 1,000 instances', tick);
  expect(lab.ec2('DescribeInstances', {}).Reservations).toHaveLength(1000);
});

it('DescribeInstances and RunInstances with 1,000 instances (SQLite, WAL)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ec2lab-bench-'));
  try {
    const lab = createTestLab({ store: openSqliteStateStore(dir) });
    report('RunInstances x1000, SQLite store', fill(lab, 1000));
    report(
      'DescribeInstanceStatus x200, SQLite store',
      measure(200, () => lab.ec2('DescribeInstanceStatus', {})),
    );
    report(
      'DescribeInstances all of 1,000, SQLite store',
      measure(50, () => lab.ec2('DescribeInstances', {})),
    );
    const started = performance.now();
    lab.engine.close();
    const reopened = createTestLab({ store: openSqliteStateStore(dir) });
    report('reopen lab with 1,000 instances', { ms: Math.round(performance.now() - started) });
    expect(reopened.ec2('DescribeInstances', {}).Reservations).toHaveLength(1000);
    reopened.engine.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
