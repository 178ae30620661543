/** Looks up the instances a request names (at least one), with EC2's malformed / not-found errors. */
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { INSTANCES, type InstanceRecord } from './instance-record';

export function findInstances(
  ctx: EngineContext,
  region: string,
  ids: readonly string[] | undefined,
  parameter = 'InstanceId',
): InstanceRecord[] {
  if (!ids?.length) throw errors.missingParameter(parameter);
  return findRecords(ctx, region, INSTANCES, ids);
}
