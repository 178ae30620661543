/**
 * A request member the lab does not simulate is refused, never silently dropped: a learner who asks
 * for a Spot instance must not get an on-demand one and believe otherwise. Each operation lists the
 * members it serves; any other member that carries a value is answered with a clear error naming it.
 */
import { errors } from './errors';

/** Refuses the first member of `request` (at `path`) that is set and not in `served`. */
export function refuseUnsimulated(operation: string, request: object, served: readonly string[], path = ''): void {
  for (const [member, value] of Object.entries(request)) {
    if (value === undefined || served.includes(member)) continue;
    throw errors.notSimulated(operation, `${path}${member}`);
  }
}
