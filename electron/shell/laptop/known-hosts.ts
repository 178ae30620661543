/**
 * The laptop's `~/.ssh/known_hosts` as OpenSSH keeps it (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT";
 * OpenSSH hostfile.c): one `host[,host…] keytype base64 [comment]` per line, `[host]:port` for a
 * port other than 22; hashed names (`|1|…`) and markers are skipped. What it says of a host and
 * key: known and matching, known with another key of that type (the line number, for the
 * "Offending … key" line), or not known — and under which other names the same key is known.
 */
import type { CommandContext } from '../machines/machine';

interface KnownHostsLookup {
  status: 'match' | 'changed' | 'unknown';
  /** For `changed`: the 1-based line of the offending key. For `match`: the line that matched. */
  line?: number;
  /** Other host names the same key is listed under, with their lines. */
  otherNames: { name: string; line: number }[];
}

/** `54.180.1.2`, or `[54.180.1.2]:2222` for another port (hostfile.c put_host_port). */
export function hostEntryName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

export function lookupKnownHost(text: string, name: string, keyType: string, keyData: string): KnownHostsLookup {
  let found: KnownHostsLookup = { status: 'unknown', otherNames: [] };
  const otherNames: { name: string; line: number }[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('@') || line.startsWith('|')) return;
    const [names = '', type, data] = line.split(/\s+/);
    if (type !== keyType) return;
    const hosts = names.split(',');
    if (hosts.includes(name)) {
      if (data === keyData) {
        if (found.status !== 'match') found = { status: 'match', line: index + 1, otherNames: [] };
      } else if (found.status === 'unknown') found = { status: 'changed', line: index + 1, otherNames: [] };
    } else if (data === keyData) {
      for (const host of hosts) otherNames.push({ name: host, line: index + 1 });
    }
  });
  return { ...found, otherNames };
}

/** The file's text, or '' if it does not exist (or cannot be read). */
export function readKnownHosts(ctx: CommandContext, path: string): string {
  try {
    return new TextDecoder().decode(ctx.machine.fs.readBytes(path, ctx.who));
  } catch {
    return '';
  }
}

/** Appends a host's key (making ~/.ssh, mode 0700, if needed); false if the file cannot be written. */
export function addKnownHost(ctx: CommandContext, path: string, name: string, publicKey: string): boolean {
  const fs = ctx.machine.fs;
  try {
    const directory = path.slice(0, path.lastIndexOf('/')) || '/';
    if (!fs.statOrUndefined(directory, true)) {
      fs.mkdir(directory, ctx.who, true);
      fs.chmod(directory, 0o700, ctx.who);
    }
    const existing = readKnownHosts(ctx, path);
    const separator = existing && !existing.endsWith('\n') ? '\n' : '';
    fs.write(path, new TextEncoder().encode(`${separator}${name} ${publicKey}\n`), ctx.who, true);
    return true;
  } catch {
    return false;
  }
}
