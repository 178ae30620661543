/** The private and public addresses a region's network interfaces hold, so new ones never collide. */
import type { EngineContext } from '../context';
import { NETWORK_INTERFACES } from './network-interface-record';

export function takenAddresses(ctx: EngineContext, region: string) {
  const taken = { private: new Set<string>(), public: new Set<string>() };
  for (const eni of ctx.records(NETWORK_INTERFACES).inRegion(region)) {
    taken.private.add(eni.privateIpAddress);
    if (eni.publicIp) taken.public.add(eni.publicIp);
  }
  return taken;
}
