/** Looks up the instances a request names, with EC2's malformed / not-found errors. */
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { isWellFormedId } from '../ids';
import type { InstanceRecord } from './instance-record';

export function findInstances(
  ctx: EngineContext,
  region: string,
  ids: readonly string[] | undefined,
  parameter = 'InstanceId',
): InstanceRecord[] {
  if (!ids?.length) throw errors.missingParameter(parameter);
  for (const id of ids) if (!isWellFormedId(id, 'i')) throw errors.instanceIdMalformed(id);
  const missing: string[] = [];
  const found: InstanceRecord[] = [];
  for (const id of new Set(ids)) {
    const record = ctx.repos.instances.get(id);
    if (record && record.region === region) found.push(record);
    else missing.push(id);
  }
  if (missing.length) throw errors.instanceIdNotFound(missing);
  return found;
}
