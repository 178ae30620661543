/**
 * The shell layer put together for a host: the worker that runs bash, the laptop and the
 * instances as machines, logins, and the terminal service the doors serve.
 */
import type { ShellEngine } from './shell-engine';
import { ShellRunner, type WorkerPort } from './shell-runner';
import { InstanceMachines, labClock, type InstanceOptionsFactory } from './machines/instance-machines';
import { laptopMachine } from './machines/laptop-machine';
import type { GuestServices } from './machines/guest-services';
import { createGuestLayer, type GuestLayer } from './guest/guest-layer';
import type { LabCommand, Machine } from './machines/machine';
import { Logins } from './session/logins';
import { laptopClients } from './laptop/laptop-clients';
import type { ShellWorld } from './shell-world';
import { createTerminals, type Terminals } from './terminals';

export interface ShellsOptions {
  engine: ShellEngine;
  startWorker: () => WorkerPort;
  /** Lab commands of the laptop (ssh, scp, curl …), made once the machines exist; laptopClients by default. */
  laptopCommands?: (world: ShellWorld) => ReadonlyMap<string, LabCommand>;
  /** The Linux inside instances (commands, virtual files, mounts); by default the guest layer's. */
  instanceOptions?: InstanceOptionsFactory;
  /** What listens inside instances; by default the guest layer's (sshd, web servers the learner started). */
  services?: GuestServices;
}

export type { ShellWorld } from './shell-world';

export interface Shells {
  terminals: Terminals;
  laptop: Machine;
  instances: InstanceMachines;
  logins: Logins;
  runner: ShellRunner;
  /** What the laptop's clients reach, and the SSH door's port (shell-port.ts) too. */
  world: ShellWorld;
  /** The Linux inside instances (user data runs, services). */
  guest: GuestLayer;
  close(): void;
}

export function createShells(options: ShellsOptions): Shells {
  const runner = new ShellRunner(options.startWorker);
  const logins = new Logins(runner);
  const guest = createGuestLayer({ engine: options.engine, runner, machines: () => instances, logins: () => logins });
  const instances = new InstanceMachines(options.engine, options.instanceOptions ?? guest.instanceOptions);
  const services = options.services ?? guest.services;
  const world: ShellWorld = { engine: options.engine, instances, logins, services, runner };
  const laptop = laptopMachine(
    options.engine,
    (options.laptopCommands ?? laptopClients)(world),
    labClock(options.engine),
  );
  const terminals = createTerminals({
    engine: options.engine,
    runner,
    logins,
    laptop,
    goneInstances: (ids) => instances.gone(ids),
  });
  return {
    terminals,
    laptop,
    instances,
    logins,
    runner,
    world,
    guest,
    close: () => {
      guest.close();
      terminals.close();
    },
  };
}
