/**
 * The instances' SSH host keys (host-key-record.ts): no EC2 operations; the shells reach them
 * through `engine.hostKeys`. A key goes when its instance is terminated or gone from the lab.
 */
import { changesSince } from '../due-times';
import { fromBase64 } from '../key-pairs/bytes';
import { checkFields, id, region, time } from '../import-checks';
import { INSTANCES } from '../instances/instance-record';
import { defineFamily } from '../resource-family';
import { HOST_KEYS } from './host-key-record';

const keyBytes = (v: unknown) => typeof v === 'string' && v.length <= 64 && fromBase64(v)?.length === 32;

export const HOST_KEYS_FAMILY = defineFamily({
  name: 'host-keys',
  collection: HOST_KEYS,
  importCheck: checkFields({
    instanceId: id('i'),
    region,
    seed: keyBytes,
    publicKey: keyBytes,
    createdAt: time,
  }),
  handlers: {},
  // A key goes with its instance: only the instances and keys that changed since the last command
  // are looked at (a key whose removal was rolled back comes back as a changed key).
  advance: (ctx) => {
    const keys = ctx.records(HOST_KEYS);
    const instances = ctx.records(INSTANCES);
    const changedInstances = changesSince(HOST_KEYS, instances);
    const changedKeys = changesSince(HOST_KEYS, keys);
    const candidates =
      changedInstances === 'all' || changedKeys === 'all' ? [...keys.keys()] : [...changedInstances, ...changedKeys];
    for (const instanceId of candidates) {
      if (!keys.has(instanceId)) continue;
      const instance = instances.get(instanceId);
      if (!instance || instance.state === 'terminated') keys.delete(instanceId);
    }
  },
});
