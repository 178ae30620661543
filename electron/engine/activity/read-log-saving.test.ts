/**
 * How the log of calls that changed nothing reaches the disk: shown at once, saved with the next
 * commit or at the next tick in one transaction, never in a transaction per read; a crash before
 * then loses those log entries only, never a change.
 */
import { describe, expect, it } from 'vitest';
import type { ActivityEvent } from '../../../shared/lab-operations';
import { MemoryStateStore } from '../state/state-store';
import { createTestLab, TEST_REGION } from '../test-support/test-lab';

function cliCall(lab: ReturnType<typeof createTestLab>, operation: string, input: unknown) {
  return lab.engine.dispatch({ service: 'ec2', operation, region: TEST_REGION, input, caller: 'cli' } as never);
}

const events = (lab: ReturnType<typeof createTestLab>): ActivityEvent[] =>
  lab.lab('DescribeActivity', { MaxResults: 500 }).Events;

describe('the log of reads', () => {
  it('shows a read at once and saves it at the next tick, many reads in one transaction', () => {
    const store = new MemoryStateStore();
    const lab = createTestLab({ store });
    lab.pass(250); // the first tick saves the clock
    const before = store.commits;
    for (let index = 0; index < 20; index++) expect(cliCall(lab, 'DescribeInstances', {}).ok).toBe(true);
    expect(cliCall(lab, 'DescribeInstances', { InstanceIds: ['i-0123456789abcdef0'] }).ok).toBe(false);
    expect(events(lab).filter((event) => event.EventName === 'DescribeInstances')).toHaveLength(21);
    expect(store.commits).toBe(before);
    lab.pass(250);
    expect(store.commits).toBe(before + 1);
    const reopened = lab.reopen();
    expect(events(reopened).filter((event) => event.EventName === 'DescribeInstances')).toHaveLength(21);
  });

  it('saves reads with the next change, older first, and a crash before then loses only reads', () => {
    const store = new MemoryStateStore();
    const lab = createTestLab({ store });
    cliCall(lab, 'DescribeInstances', {});
    const launched = cliCall(lab, 'RunInstances', {
      ImageId: lab.ec2('DescribeImages', { Owners: ['amazon'] }).Images![0]!.ImageId,
      MinCount: 1,
      MaxCount: 1,
    });
    expect(launched.ok).toBe(true);
    cliCall(lab, 'DescribeVpcs', {});
    // A crash now: the store holds what was committed, nothing more.
    const crashed = createTestLab({ store });
    const names = events(crashed).map((event) => event.EventName);
    expect(names).toEqual(['RunInstances', 'DescribeInstances']);
    expect(crashed.ec2('DescribeInstances', {}).Reservations).toHaveLength(1);
  });

  it('saves waiting reads when the lab closes', () => {
    const store = new MemoryStateStore();
    const lab = createTestLab({ store });
    cliCall(lab, 'DescribeRegions', {});
    lab.engine.close();
    expect(events(createTestLab({ store })).map((event) => event.EventName)).toEqual(['DescribeRegions']);
  });
});
