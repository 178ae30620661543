/** The private and public addresses a region's live instances hold, so new ones never collide. */
import type { EngineContext } from '../context';

export function takenAddresses(ctx: EngineContext, region: string) {
  const taken = { private: new Set<string>(), public: new Set<string>() };
  for (const instance of ctx.repos.instances.values()) {
    if (instance.region !== region || instance.state === 'terminated') continue;
    taken.private.add(instance.privateIpAddress);
    if (instance.publicIpAddress) taken.public.add(instance.publicIpAddress);
  }
  return taken;
}
