/**
 * What the Connect page's SSH client tab says for an instance, as the EC2 console builds it (EC2
 * User Guide: connect-linux-inst-ssh): the key file named after the instance's key pair, the
 * `chmod 400 "key.pem"` that makes it private, and `ssh -i "key.pem" user@host` with the AMI's
 * default user and the public DNS name (the public IPv4 address when there is no DNS name). It also
 * says what keeps an SSH client from connecting: no key pair, no public address, not running.
 */
import type { Instance } from '@aws-sdk/client-ec2';

export type SshObstacle = 'noKeyPair' | 'noPublicAddress' | 'notRunning';

export interface SshClientInstructions {
  /** `my-key.pem`, or undefined for an instance launched without a key pair. */
  keyFile?: string;
  user: string;
  /** The public DNS name, else the public IPv4 address, else undefined. */
  host?: string;
  hostKind?: 'dns' | 'ip';
  chmodCommand?: string;
  sshCommand?: string;
  obstacles: SshObstacle[];
}

/** The user name the console guesses when the AMI's own is not known (Amazon Linux's). */
export const GUESSED_USER = 'ec2-user';

/** A word in double quotes as a shell reads it: `"`, `\`, `$` and a backquote keep their letter. */
export function doubleQuoted(word: string): string {
  return `"${word.replace(/["\\$`]/g, (special) => `\\${special}`)}"`;
}

export function sshClientInstructions(instance: Instance, defaultUser: string | undefined): SshClientInstructions {
  const keyFile = instance.KeyName ? `${instance.KeyName}.pem` : undefined;
  const user = defaultUser || GUESSED_USER;
  const dns = instance.PublicDnsName || undefined;
  const ip = instance.PublicIpAddress || undefined;
  const host = dns ?? ip;
  const obstacles: SshObstacle[] = [];
  if (!keyFile) obstacles.push('noKeyPair');
  if (!host) obstacles.push('noPublicAddress');
  if (instance.State?.Name !== 'running') obstacles.push('notRunning');
  const key = keyFile ? doubleQuoted(keyFile) : undefined;
  return {
    keyFile,
    user,
    host,
    hostKind: dns ? 'dns' : ip ? 'ip' : undefined,
    chmodCommand: key ? `chmod 400 ${key}` : undefined,
    sshCommand: host ? `ssh ${key ? `-i ${key} ` : ''}${user}@${host}` : undefined,
    obstacles,
  };
}

/** What "Type into laptop terminal" types, one command a line: into ~/Downloads, where the key was saved, then chmod and ssh. */
export function laptopCommands(instructions: SshClientInstructions): string[] {
  const commands = ['cd ~/Downloads'];
  if (instructions.chmodCommand) commands.push(instructions.chmodCommand);
  if (instructions.sshCommand) commands.push(instructions.sshCommand);
  return commands;
}
