/** The SSH client tab's commands and notes, from an instance as DescribeInstances shows it. */
import { describe, expect, it } from 'vitest';
import type { Instance } from '@aws-sdk/client-ec2';
import { doubleQuoted, laptopCommands, loopbackCommands, sshClientInstructions, sshConfigCommand } from './ssh-client';

const RUNNING: Instance = {
  InstanceId: 'i-0123456789abcdef0',
  KeyName: 'lab-key',
  State: { Name: 'running', Code: 16 },
  PublicDnsName: 'ec2-3-91-20-7.compute-1.amazonaws.com',
  PublicIpAddress: '3.91.20.7',
};

describe('SSH client instructions', () => {
  it('names the key file, makes it private and connects as the AMI user to the public DNS name', () => {
    const instructions = sshClientInstructions(RUNNING, 'ubuntu');
    expect(instructions).toEqual({
      keyFile: 'lab-key.pem',
      user: 'ubuntu',
      host: 'ec2-3-91-20-7.compute-1.amazonaws.com',
      hostKind: 'dns',
      chmodCommand: 'chmod 400 "lab-key.pem"',
      sshCommand: 'ssh -i "lab-key.pem" ubuntu@ec2-3-91-20-7.compute-1.amazonaws.com',
      obstacles: [],
    });
    expect(laptopCommands(instructions)).toEqual([
      'cd ~/Downloads',
      'chmod 400 "lab-key.pem"',
      'ssh -i "lab-key.pem" ubuntu@ec2-3-91-20-7.compute-1.amazonaws.com',
    ]);
  });

  it('guesses ec2-user when the AMI is not known, and uses the public IP without a DNS name', () => {
    const instructions = sshClientInstructions({ ...RUNNING, PublicDnsName: '' }, undefined);
    expect(instructions.hostKind).toBe('ip');
    expect(instructions.sshCommand).toBe('ssh -i "lab-key.pem" ec2-user@3.91.20.7');
  });

  it('says what stops an SSH client: no key pair, no public address, not running', () => {
    const bare = sshClientInstructions(
      { InstanceId: 'i-0123456789abcdef0', State: { Name: 'stopped', Code: 80 } },
      'ec2-user',
    );
    expect(bare.obstacles).toEqual(['noKeyPair', 'noPublicAddress', 'notRunning']);
    expect(bare.chmodCommand).toBeUndefined();
    expect(bare.sshCommand).toBeUndefined();
    expect(laptopCommands(bare)).toEqual(['cd ~/Downloads']);
    const keyless = sshClientInstructions({ ...RUNNING, KeyName: undefined }, 'ec2-user');
    expect(keyless.sshCommand).toBe('ssh ec2-user@ec2-3-91-20-7.compute-1.amazonaws.com');
  });

  it('quotes a key name so the shell reads it as it is', () => {
    expect(doubleQuoted('my key.pem')).toBe('"my key.pem"');
    expect(doubleQuoted('a"b$c`d\\e.pem')).toBe('"a\\"b\\$c\\`d\\\\e.pem"');
  });

  it('reaches the instance on its loopback port with the key from ~/Downloads, by PuTTY, and by the ssh_config', () => {
    const instructions = sshClientInstructions(RUNNING, 'ubuntu');
    expect(loopbackCommands(instructions, 2201)).toEqual({
      ssh: 'ssh -i "~/Downloads/lab-key.pem" -p 2201 ubuntu@127.0.0.1',
      putty: 'putty -i lab-key.ppk -P 2201 ubuntu@127.0.0.1',
    });
    expect(sshConfigCommand('i-0123456789abcdef0')).toBe('ssh -F ec2lab_ssh_config i-0123456789abcdef0');
    const spaced = sshClientInstructions({ ...RUNNING, KeyName: 'my key' }, 'ec2-user');
    expect(loopbackCommands(spaced, 2202).putty).toBe('putty -i "my key.ppk" -P 2202 ec2-user@127.0.0.1');
  });
});
