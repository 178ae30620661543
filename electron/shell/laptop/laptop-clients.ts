/**
 * The laptop's network clients as lab commands: `ssh`, `scp`, `curl`, `ping`, `nc`. Every shell
 * layer (hosts and tests) gets them through createShells' default; tests pass their own options
 * (a short wait for dropped connections).
 */
import type { LabCommand } from '../machines/machine';
import type { ShellWorld } from '../shell-world';
import { clientSettings, type LaptopClientOptions } from './client-options';
import { curlCommand } from './curl-command';
import { ncCommand } from './nc-command';
import { pingCommand } from './ping-command';
import { scpCommand } from './scp-command';
import { sshCommand } from './ssh-command';

export function laptopClients(world: ShellWorld, options: LaptopClientOptions = {}): ReadonlyMap<string, LabCommand> {
  const settings = clientSettings(options);
  return new Map<string, LabCommand>([
    ['ssh', sshCommand(world, settings)],
    ['scp', scpCommand(world, settings)],
    ['curl', curlCommand(world, settings)],
    ['ping', pingCommand(world, settings)],
    ['nc', ncCommand(world, settings)],
  ]);
}
