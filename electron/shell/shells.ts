/**
 * The shell layer put together for a host: the worker that runs bash, the laptop and the
 * instances as machines, logins, and the terminal service the doors serve.
 */
import type { ShellEngine } from './shell-engine';
import { ShellRunner, type WorkerPort } from './shell-runner';
import { InstanceMachines, labClock, type InstanceOptionsFactory } from './machines/instance-machines';
import { laptopMachine } from './machines/laptop-machine';
import { SSHD_ONLY, type GuestServices } from './machines/guest-services';
import type { LabCommand, Machine } from './machines/machine';
import { Logins } from './session/logins';
import { createTerminals, type Terminals } from './terminals';

export interface ShellsOptions {
  engine: ShellEngine;
  startWorker: () => WorkerPort;
  /** Lab commands of the laptop (ssh, scp, curl …), made once the machines exist. */
  laptopCommands?: (world: ShellWorld) => ReadonlyMap<string, LabCommand>;
  instanceOptions?: InstanceOptionsFactory;
  /** What listens inside instances; sshd alone until the guest layer says more. */
  services?: GuestServices;
}

/** What the laptop's client commands reach: the instances as machines, logins on them, their services. */
export interface ShellWorld {
  engine: ShellEngine;
  instances: InstanceMachines;
  logins: Logins;
  services: GuestServices;
}

export interface Shells {
  terminals: Terminals;
  laptop: Machine;
  instances: InstanceMachines;
  logins: Logins;
  runner: ShellRunner;
  close(): void;
}

export function createShells(options: ShellsOptions): Shells {
  const runner = new ShellRunner(options.startWorker);
  const logins = new Logins(runner);
  const instances = new InstanceMachines(options.engine, options.instanceOptions);
  const services = options.services ?? SSHD_ONLY;
  const laptop = laptopMachine(
    options.engine,
    options.laptopCommands?.({ engine: options.engine, instances, logins, services }),
    labClock(options.engine),
  );
  const terminals = createTerminals({
    engine: options.engine,
    runner,
    logins,
    laptop,
    goneInstances: (ids) => instances.gone(ids),
  });
  return { terminals, laptop, instances, logins, runner, close: () => terminals.close() };
}
