/**
 * The server's host key against the laptop's known_hosts, as OpenSSH 9.x checks it (sshconnect.c
 * check_host_key): a known, matching key passes; a key that changed prints the REMOTE HOST
 * IDENTIFICATION HAS CHANGED block and refuses (unless StrictHostKeyChecking=no); an unknown key is
 * refused under StrictHostKeyChecking=yes, asked about under `ask` (yes/no/fingerprint, read from
 * the terminal; BatchMode answers no without asking), and then saved with "Permanently added".
 */
import type { CommandContext } from '../machines/machine';
import type { HostKey } from '../shell-engine';
import type { ClientOutput } from './client-options';
import { addKnownHost, hostEntryName, lookupKnownHost, readKnownHosts } from './known-hosts';
import { readLine } from './read-line';
import type { ConnectionOptions } from './ssh-arguments';

/** A refusal with what ssh prints and the hint; none when the learner gave up (Ctrl-C). */
type HostKeyVerdict = { ok: true } | { ok: false; message?: string; hint?: string };

interface ServerIdentity {
  /** The host as typed, and the port. */
  host: string;
  port: number;
  address: string;
  instanceId: string;
  hostKey: HostKey;
}

export async function checkHostKey(
  ctx: CommandContext,
  out: ClientOutput,
  options: ConnectionOptions,
  knownHostsPath: string,
  server: ServerIdentity,
  debug: (line: string) => void,
): Promise<HostKeyVerdict> {
  const refuse = (message: string, hint?: string): HostKeyVerdict => ({ ok: false, message, hint });
  const entryName = hostEntryName(server.host, server.port);
  const hostKey = server.hostKey;
  const [keyType, keyData] = hostKey.publicKey.split(' ') as [string, string];
  const known = lookupKnownHost(readKnownHosts(ctx, knownHostsPath), entryName, keyType, keyData);
  const strict = options.strict;
  if (known.status === 'match') {
    debug(`Host '${entryName}' is known and matches the ED25519 host key.`);
    debug(`Found key in ${knownHostsPath}:${known.line}`);
  } else if (known.status === 'changed') {
    out.error(
      [
        '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@',
        '@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @',
        '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@',
        'IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!',
        'Someone could be eavesdropping on you right now (man-in-the-middle attack)!',
        'It is also possible that a host key has just been changed.',
        'The fingerprint for the ED25519 key sent by the remote host is',
        `${hostKey.fingerprint}.`,
        'Please contact your system administrator.',
        `Add correct host key in ${knownHostsPath} to get rid of this message.`,
        `Offending ED25519 key in ${knownHostsPath}:${known.line}`,
        '  remove with:',
        `  ssh-keygen -f '${knownHostsPath}' -R '${entryName}'`,
        '',
      ].join('\n'),
    );
    if (strict !== 'no') {
      return refuse(
        `Host key for ${entryName} has changed and you have requested strict checking.\nHost key verification failed.\n`,
        `${server.address} now leads to instance ${server.instanceId}, whose host key differs from the one saved for it (an Elastic IP moved, or a new instance got the address)`,
      );
    }
    out.error(
      'Password authentication is disabled to avoid man-in-the-middle attacks.\n' +
        'Keyboard-interactive authentication is disabled to avoid man-in-the-middle attacks.\n' +
        'UpdateHostkeys is disabled because the host key is not trusted.\n',
    );
  } else {
    const fingerprintLine = `ED25519 key fingerprint is ${hostKey.fingerprint}.\n`;
    if (strict === 'yes') {
      return refuse(
        `No ED25519 host key is known for ${entryName} and you have requested strict checking.\nHost key verification failed.\n`,
        `${entryName} is not in ${knownHostsPath} yet; connect once without StrictHostKeyChecking=yes or BatchMode to add it`,
      );
    }
    if (strict === 'ask') {
      // BatchMode answers every question no without asking (readpass.c ask_permission / confirm).
      if (!out.live || options.batchMode) {
        return refuse(
          'Host key verification failed.\n',
          `${entryName} is not in ${knownHostsPath} yet; ssh cannot ask here, so add -o StrictHostKeyChecking=accept-new`,
        );
      }
      // sshconnect.c: `host (ip)` always, each as `[x]:port` for another port.
      const shown = `${entryName} (${hostEntryName(server.address, server.port)})`;
      const others = known.otherNames.length
        ? `This host key is known by the following other names/addresses:\n${known.otherNames
            .map((other) => `    ${knownHostsPath.replace(ctx.user.home, '~')}:${other.line}: ${other.name}\n`)
            .join('')}`
        : 'This key is not known by any other names.\n';
      let answer = await readLine(
        ctx.terminal!,
        `The authenticity of host '${shown}' can't be established.\n${fingerprintLine}${others}Are you sure you want to continue connecting (yes/no/[fingerprint])? `,
        ctx.request.signal,
      );
      while (answer !== undefined && !['yes', 'no'].includes(answer.toLowerCase()) && answer !== hostKey.fingerprint) {
        answer = await readLine(ctx.terminal!, "Please type 'yes', 'no' or the fingerprint: ", ctx.request.signal);
      }
      if (answer === undefined) return { ok: false };
      if (answer.toLowerCase() === 'no') {
        return refuse(
          'Host key verification failed.\n',
          "answer yes to trust the instance's host key (compare its fingerprint with the console's Connect page or the system log)",
        );
      }
    }
    if (addKnownHost(ctx, knownHostsPath, entryName, hostKey.publicKey)) {
      if (!options.quiet)
        out.error(`Warning: Permanently added '${entryName}' (ED25519) to the list of known hosts.\n`);
    } else out.error(`Failed to add the host to the list of known hosts (${knownHostsPath}).\n`);
  }
  return { ok: true };
}
