/**
 * Which instances the SSH door serves (electron/shell/shell-port.ts's targets): every instance not
 * terminated, with the names ssh_config gives it, kept between looks and re-read as the lab changes.
 */
import type { Shells } from './shells';
import { launchImageOf } from './machines/instance-machines';

/** An instance the SSH door may listen for, with what `ssh_config` names it by. */
export interface SshTarget {
  instanceId: string;
  region: string;
  state: string;
  publicIp?: string;
  publicDns?: string;
  /** The AMI's login user (ec2-user, ubuntu …). */
  user: string;
  keyName?: string;
}

/**
 * The SSH door's targets, kept between looks: an instance event marks its instances to be read
 * again (by id, from the engine's instance summaries: no DescribeInstances view is built for a
 * look), so a burst of launches costs a read of those instances, not of every instance of every
 * region each time; an address event or a replaced lab reads all of them.
 */
export function followTargets(
  engine: Shells['world']['engine'],
  reader: Shells['world']['instances']['reader'],
  regions: () => string[],
  located: (instanceId: string, region: string) => void,
): { read(): SshTarget[] } {
  /** region → instance id → target, in each region's launch order; undefined until read, and when all must be read again. */
  let known: Map<string, Map<string, SshTarget>> | undefined;
  const stale = new Map<string, Set<string>>();
  engine.onEvent((event) => {
    if (!known) return;
    if (event.type === 'lab-replaced' || (event.type === 'resources-changed' && event.resource === 'address')) {
      known = undefined;
      stale.clear();
    } else if (event.type === 'resources-changed' && event.resource === 'instance') {
      let ids = stale.get(event.region);
      if (!ids) stale.set(event.region, (ids = new Set()));
      for (const id of event.ids) ids.add(id);
    }
  });

  /** The region's targets among `instanceIds` (all of them when undefined). */
  const readRegion = (region: string, instanceIds?: readonly string[]): SshTarget[] => {
    // One image lookup per AMI, not per instance: a class's 1,000 instances share a few AMIs.
    const users = new Map<string, string>();
    const userOf = (imageId: string): string => {
      let user = users.get(imageId);
      if (user === undefined) users.set(imageId, (user = loginUserOf(reader, region, imageId)));
      return user;
    };
    const found: SshTarget[] = [];
    for (const instance of engine.instanceSummaries.inRegion(region, instanceIds)) {
      if (instance.state === 'terminated') continue;
      located(instance.instanceId, region);
      found.push({
        instanceId: instance.instanceId,
        region,
        state: instance.state,
        publicIp: instance.publicIp,
        publicDns: instance.publicDns,
        user: userOf(instance.imageId),
        keyName: instance.keyName,
      });
    }
    return found;
  };

  const readAll = (): Map<string, Map<string, SshTarget>> => {
    const all = new Map<string, Map<string, SshTarget>>();
    for (const region of regions()) {
      try {
        all.set(region, new Map(readRegion(region).map((target) => [target.instanceId, target])));
      } catch {
        // A region that cannot be read serves nothing until the next look.
      }
    }
    return all;
  };

  return {
    read() {
      // A read is itself a command: its clock catch-up may move instances on, and their events
      // land in `stale` for the next read, not in the set being read now.
      const pending = [...stale];
      stale.clear();
      if (known) {
        try {
          for (const [region, ids] of pending) {
            let byId = known.get(region);
            if (!byId) known.set(region, (byId = new Map()));
            const fresh = new Map(readRegion(region, [...ids]).map((target) => [target.instanceId, target]));
            // Changed ones keep their place; new ones come last, as a launch does.
            for (const id of ids) {
              const target = fresh.get(id);
              if (target) byId.set(id, target);
              else byId.delete(id);
            }
          }
        } catch {
          known = undefined;
        }
      }
      if (!known) {
        // Followed from now on, so what changes while the regions are read is read again next time.
        known = new Map();
        known = readAll();
      }
      return [...known.values()].flatMap((byId) => [...byId.values()]);
    },
  };
}

function loginUserOf(reader: Shells['world']['instances']['reader'], region: string, imageId: string): string {
  try {
    return launchImageOf(reader, region, imageId).DefaultUser;
  } catch {
    return 'ec2-user';
  }
}
