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

/** Where the ssh_config the Connect page downloads is saved, and the `ssh -F` line that uses it. */
export const SSH_CONFIG_FILE_NAME = 'ec2lab_ssh_config';

/** The commands that reach an instance the lab serves on a loopback port of this computer. */
export interface LoopbackCommands {
  /** `ssh -i "~/Downloads/key.pem" -p 2201 ec2-user@127.0.0.1` (OpenSSH expands the ~ of -i itself). */
  ssh: string;
  /** `putty -i key.ppk -P 2201 ec2-user@127.0.0.1`, for a key converted with PuTTYgen. */
  putty?: string;
}

/** `ssh -F ec2lab_ssh_config i-0abc…`: the instance by its Host entry in the downloaded ssh_config. */
export function sshConfigCommand(instanceId: string): string {
  return `ssh -F ${SSH_CONFIG_FILE_NAME} ${instanceId}`;
}

/** A word as a shell reads it: as it is when it holds no special letter, else in double quotes. */
function shellWord(word: string): string {
  return /^[\w.@%+=:,/-]+$/.test(word) ? word : doubleQuoted(word);
}

export function loopbackCommands(instructions: SshClientInstructions, port: number): LoopbackCommands {
  const target = `-p ${port} ${instructions.user}@127.0.0.1`;
  const keyName = instructions.keyFile?.replace(/\.pem$/, '');
  return {
    ssh: `ssh ${instructions.keyFile ? `-i ${doubleQuoted(`~/Downloads/${instructions.keyFile}`)} ` : ''}${target}`,
    putty:
      keyName === undefined
        ? undefined
        : `putty -i ${shellWord(`${keyName}.ppk`)} -P ${port} ${instructions.user}@127.0.0.1`,
  };
}
