/**
 * The Linux inside every instance, put together for the shell layer: per instance the lab commands
 * (disks, mounts, system, packages, services, load, curl to IMDS), virtual files and mounts from
 * the engine's guest runtime (`instanceOptions`), what listens on its ports (`services`), and the
 * user data each instance runs at first boot.
 */
import type { ShellEngine } from '../shell-engine';
import type { ShellRunner } from '../shell-runner';
import type { InstanceMachines, InstanceOptionsFactory } from '../machines/instance-machines';
import type { GuestServices } from '../machines/guest-services';
import type { LabCommand } from '../machines/machine';
import type { Logins } from '../session/logins';
import { diskCommands } from './disk-commands';
import { GuestInstance } from './guest-instance';
import { instanceCurl } from './instance-curl';
import { loadCommands } from './load-commands';
import { MetadataTokens } from './metadata-service';
import { mountCommands } from './mount-commands';
import { managerOf } from './package-catalog';
import { packageCommands } from './package-commands';
import { systemCommands } from './system-commands';
import { service, systemctl } from './systemctl';
import { UserDataRunner } from './user-data';
import { virtualFiles } from './virtual-files';
import { guestServices } from './web-server';

export interface GuestLayerOptions {
  engine: ShellEngine;
  runner: ShellRunner;
  /** The instances as machines (made after this layer, which gives them their options). */
  machines: () => InstanceMachines;
  logins: () => Logins;
}

export interface GuestLayer {
  instanceOptions: InstanceOptionsFactory;
  services: GuestServices;
  /** Resolves when the user data scripts started so far have finished. */
  userDataIdle(): Promise<void>;
  close(): void;
}

export function createGuestLayer(options: GuestLayerOptions): GuestLayer {
  const { engine } = options;
  const guests = new Map<string, GuestInstance>();
  const tokens = new MetadataTokens();
  const services = guestServices(engine);
  const userData = new UserDataRunner(engine, options.runner, options.machines);

  const stop = engine.onEvent((event) => {
    if (event.type !== 'resources-changed' && event.type !== 'lab-replaced') return;
    for (const guest of guests.values()) guest.invalidate();
    if (event.type === 'resources-changed' && event.resource === 'instance') {
      // After the engine's command has finished publishing, not inside it.
      queueMicrotask(() => userData.check(event.region, event.ids));
    }
  });

  const instanceOptions: InstanceOptionsFactory = (facts) => {
    const guest = new GuestInstance(engine, facts);
    guests.set(facts.instanceId, guest);
    const manager = managerOf(facts.os);
    const commands = new Map<string, LabCommand>([
      ...diskCommands(guest),
      ...mountCommands(guest),
      ...systemCommands(guest, () => options.logins().closeMachine(facts.instanceId)),
      ...packageCommands(guest, manager),
      ['systemctl', systemctl(guest, manager)],
      ['service', service(guest, manager)],
      ...loadCommands(guest),
      ['curl', instanceCurl(guest, services, tokens)],
    ]);
    return { mounts: () => guest.mounts(), virtual: () => virtualFiles(guest), commands };
  };

  return { instanceOptions, services, userDataIdle: () => userData.idle(), close: stop };
}
