/**
 * What DescribeInstances keeps between calls (described views, the tag index, the next-due time)
 * never shows a stale answer: after each kind of change the kept answer equals a fresh one.
 */
import type { DescribeInstancesRequest } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { TIMINGS } from './instances/lifecycle';
import { createTestLab, type TestLab } from './test-support/test-lab';

const instancesOf = (lab: TestLab, request: DescribeInstancesRequest) =>
  lab.ec2('DescribeInstances', request).Reservations!.flatMap((reservation) => reservation.Instances!);

const idsByTag = (lab: TestLab, key: string, values: string[]) =>
  instancesOf(lab, { Filters: [{ Name: `tag:${key}`, Values: values }] }).map((instance) => instance.InstanceId);

/** The same filter through the wildcard path, which reads every instance (no index). */
const idsByScan = (lab: TestLab, key: string, values: string[]) =>
  instancesOf(lab, { Filters: [{ Name: `tag:${key}`, Values: values.map((value) => `${value}*`) }] })
    .filter((instance) => instance.Tags?.some((tag) => tag.Key === key && values.includes(tag.Value!)))
    .map((instance) => instance.InstanceId);

describe('kept answers', () => {
  it('a tag filter of plain values finds what a full scan finds, in the same order, through every change', () => {
    const lab = createTestLab();
    const tagged = (name: string, team: string) =>
      lab.launch({
        TagSpecifications: [
          {
            ResourceType: 'instance',
            Tags: [
              { Key: 'Name', Value: name },
              { Key: 'team', Value: team },
            ],
          },
        ],
      });
    const ids = [tagged('a', 'red'), tagged('b', 'blue'), tagged('c', 'red'), tagged('d', 'blue')];
    const check = () => {
      for (const values of [['red'], ['blue'], ['red', 'blue'], ['green']]) {
        expect(idsByTag(lab, 'team', values)).toEqual(idsByScan(lab, 'team', values));
      }
    };
    check();
    expect(idsByTag(lab, 'team', ['red'])).toEqual([ids[0], ids[2]]);
    lab.ec2('CreateTags', { Resources: [ids[1]!], Tags: [{ Key: 'team', Value: 'red' }] });
    check();
    expect(idsByTag(lab, 'team', ['red'])).toEqual([ids[0], ids[1], ids[2]]);
    lab.ec2('DeleteTags', { Resources: [ids[0]!], Tags: [{ Key: 'team' }] });
    check();
    expect(idsByTag(lab, 'team', ['red'])).toEqual([ids[1], ids[2]]);
    // A refused call changes nothing, and the index follows its rollback too.
    lab.ec2Error('CreateTags', { Resources: [ids[3]!, 'i-0000000000000dead'], Tags: [{ Key: 'team', Value: 'red' }] });
    check();
    lab.ec2('TerminateInstances', { InstanceIds: [ids[2]!] });
    lab.pass(TIMINGS.shuttingDownMs + TIMINGS.terminatedVisibleMs + 1000);
    check();
    expect(idsByTag(lab, 'team', ['red'])).toEqual([ids[1]]);
    // In another region the same tag finds nothing.
    expect(
      lab.ec2('DescribeInstances', { Filters: [{ Name: 'tag:team', Values: ['red'] }] }, 'us-east-1').Reservations,
    ).toEqual([]);
  });

  it('a described instance changes with its state, its tags, its interface and its Elastic IP', () => {
    const lab = createTestLab();
    const id = lab.launch();
    const view = () => instancesOf(lab, { InstanceIds: [id] })[0]!;
    const fresh = () => JSON.stringify(view());
    expect(view().State?.Name).toBe('pending');
    lab.pass(TIMINGS.pendingMs);
    expect(view().State?.Name).toBe('running');
    expect(view()).toBe(view());
    lab.ec2('CreateTags', { Resources: [id], Tags: [{ Key: 'Name', Value: 'web' }] });
    expect(view().Tags).toEqual([{ Key: 'Name', Value: 'web' }]);
    const { AllocationId, PublicIp } = lab.ec2('AllocateAddress', { Domain: 'vpc' });
    lab.ec2('AssociateAddress', { AllocationId, InstanceId: id });
    expect(view().PublicIpAddress).toBe(PublicIp);
    expect(view().NetworkInterfaces![0]!.Association?.PublicIp).toBe(PublicIp);
    const before = fresh();
    lab.ec2('DisassociateAddress', { PublicIp });
    expect(view().PublicIpAddress).not.toBe(PublicIp);
    expect(fresh()).not.toBe(before);
    lab.ec2('StopInstances', { InstanceIds: [id] });
    expect(view().State?.Name).toBe('stopping');
    lab.pass(TIMINGS.stoppingMs);
    expect(view().State?.Name).toBe('stopped');
    expect(Object.isFrozen(view())).toBe(true);
  });

  it('a view remade after a change to the instance alone keeps its interfaces, and still equals a fresh one', () => {
    let lab = createTestLab();
    const id = lab.launch();
    lab.pass(TIMINGS.pendingMs);
    const view = () => instancesOf(lab, { InstanceIds: [id] })[0]!;
    /** The view as a lab opened afresh (nothing kept) makes it; the test goes on with that lab. */
    const fresh = () => {
      lab = lab.reopen();
      return view();
    };
    const first = view();
    lab.ec2('CreateTags', { Resources: [id], Tags: [{ Key: 'Name', Value: 'web' }] });
    const tagged = view();
    expect(tagged).not.toBe(first);
    expect(tagged.Tags).toEqual([{ Key: 'Name', Value: 'web' }]);
    expect(tagged.NetworkInterfaces).toBe(first.NetworkInterfaces);
    expect(tagged.BlockDeviceMappings).toBe(first.BlockDeviceMappings);
    expect(JSON.stringify(fresh())).toBe(JSON.stringify(tagged));
    // A change to the interface remakes them.
    const before = view();
    const eni = before.NetworkInterfaces![0]!.NetworkInterfaceId!;
    lab.ec2('ModifyNetworkInterfaceAttribute', { NetworkInterfaceId: eni, SourceDestCheck: { Value: false } });
    const modified = view();
    expect(modified.NetworkInterfaces).not.toBe(before.NetworkInterfaces);
    expect(modified.NetworkInterfaces![0]!.SourceDestCheck).toBe(false);
    expect(JSON.stringify(fresh())).toBe(JSON.stringify(modified));
    // Terminated, it shows none.
    view();
    lab.ec2('TerminateInstances', { InstanceIds: [id] });
    lab.pass(TIMINGS.shuttingDownMs);
    const terminated = view();
    expect(terminated.State?.Name).toBe('terminated');
    expect(terminated.NetworkInterfaces).toEqual([]);
    expect(terminated.BlockDeviceMappings).toEqual([]);
    expect(JSON.stringify(fresh())).toBe(JSON.stringify(terminated));
  });

  it('an instance settles on the clock after nothing was due for a while', () => {
    const lab = createTestLab();
    const first = lab.launch();
    lab.pass(TIMINGS.pendingMs + TIMINGS.statusChecksMs);
    // Nothing is due now: ticks skip the scan, yet a new launch and a stop still settle on time.
    for (let tick = 0; tick < 5; tick++) lab.pass(1000);
    const second = lab.launch();
    lab.ec2('StopInstances', { InstanceIds: [first] });
    lab.pass(TIMINGS.pendingMs);
    expect(lab.stateOf(second)).toBe('running');
    lab.pass(TIMINGS.stoppingMs);
    expect(lab.stateOf(first)).toBe('stopped');
  });
});
