/**
 * A few facts of each instance, read from its records without building its DescribeInstances view:
 * what the SSH door serves an instance by (its state, public address and name, AMI, key pair). The
 * door looks again at every instance an event names, most often for a change it does not care
 * about (a tag, a status check); a view would be built for each and dropped at the next change.
 * The public address and name are the view's own (instance-view.ts publicAddressOf).
 */
import type { InstanceStateName } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { INSTANCES, type InstanceRecord } from './instance-record';
import { primaryInterface, publicAddressOf } from './instance-view';

export interface InstanceSummary {
  instanceId: string;
  region: string;
  state: InstanceStateName;
  imageId: string;
  keyName?: string;
  /** While it has one (never once terminated). */
  publicIp?: string;
  publicDns?: string;
}

export interface InstanceSummaries {
  /**
   * The region's instances, terminated ones too, in launch order; only those of `instanceIds` when
   * given (an id the region does not have is left out). One command: the clock catches up first.
   */
  inRegion(region: string, instanceIds?: Iterable<string>): InstanceSummary[];
}

export function createInstanceSummaries(ctx: EngineContext, run: <R>(command: () => R) => R): InstanceSummaries {
  return {
    inRegion: (region, instanceIds) =>
      run(() => {
        const instances = ctx.records(INSTANCES);
        if (instanceIds === undefined) return instances.inRegion(region).map((record) => summaryOf(ctx, record));
        const found: InstanceSummary[] = [];
        for (const id of instanceIds) {
          const record = instances.getInRegion(region, id);
          if (record) found.push(summaryOf(ctx, record));
        }
        return found;
      }),
  };
}

function summaryOf(ctx: EngineContext, record: InstanceRecord): InstanceSummary {
  const primary = record.state === 'terminated' ? undefined : primaryInterface(ctx, record);
  const { publicIp, publicDns } = publicAddressOf(primary, record.region);
  return {
    instanceId: record.instanceId,
    region: record.region,
    state: record.state,
    imageId: record.imageId,
    keyName: record.keyName,
    publicIp: publicIp || undefined,
    publicDns: publicDns || undefined,
  };
}
