/**
 * The "Download SSH config" file: an OpenSSH client configuration (ssh_config(5)) with one `Host`
 * entry per instance the lab serves over SSH, named by its instance id and by its public IPv4 address
 * and public DNS name, pointing at the instance's loopback port, its AMI's login user and the key
 * file where a browser saves it (`~/Downloads/<key name>.pem`), so `ssh -F lab_ssh_config i-0abc…`
 * works as is.
 */

export interface SshConfigEntry {
  instanceId: string;
  port: number;
  user: string;
  publicIp?: string;
  publicDns?: string;
  keyName?: string;
}

/** ssh_config's tokens split on whitespace; a key name with spaces is quoted. */
const quoted = (value: string) => (/[\s"]/.test(value) ? `"${value.replace(/"/g, '')}"` : value);

export function sshConfigText(entries: readonly SshConfigEntry[]): string {
  const lines = [
    '# EC2 Lab: SSH into the lab’s instances from your own terminal.',
    '# Use: ssh -F <this file> <instance id or public address>',
    '# The key file must be readable by you only first: chmod 400 ~/Downloads/<key>.pem',
    '',
  ];
  const sorted = [...entries].sort((a, b) => a.instanceId.localeCompare(b.instanceId));
  for (const entry of sorted) {
    const names = [entry.instanceId, entry.publicIp, entry.publicDns].filter((name): name is string => !!name);
    lines.push(`Host ${names.join(' ')}`);
    lines.push('    HostName 127.0.0.1');
    lines.push(`    Port ${entry.port}`);
    lines.push(`    User ${entry.user}`);
    // Each instance has its own host key on the same 127.0.0.1: keep them apart in known_hosts.
    lines.push(`    HostKeyAlias ${entry.instanceId}`);
    if (entry.keyName) {
      lines.push(`    IdentityFile ${quoted(`~/Downloads/${entry.keyName}.pem`)}`);
      lines.push('    IdentitiesOnly yes');
    }
    lines.push('');
  }
  if (sorted.length === 0) lines.push('# No instance is served over SSH right now.', '');
  return lines.join('\n');
}
