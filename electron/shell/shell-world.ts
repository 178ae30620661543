/**
 * What the laptop's client commands (ssh, scp, curl …) reach: the engine, the instances as
 * machines, logins on them, the shell runner, and what listens inside the instances. Its own file
 * so the clients and the composition (shells.ts) both name it without importing each other.
 */
import type { ShellEngine } from './shell-engine';
import type { ShellRunner } from './shell-runner';
import type { GuestServices } from './machines/guest-services';
import type { InstanceMachines } from './machines/instance-machines';
import type { Logins } from './session/logins';

export interface ShellWorld {
  engine: ShellEngine;
  instances: InstanceMachines;
  logins: Logins;
  services: GuestServices;
  /** Opens shells on any machine (what `ssh host command` runs in). */
  runner: ShellRunner;
}
