/**
 * What `ssh` and `scp` do before a session starts, in OpenSSH 9.x's order and words: the identity
 * files named with -i (a missing one warned about at once, ssh.c load_public_identity_files),
 * resolving the host, connecting (the engine's reachability gate: a timeout after ConnectTimeout
 * or the lab's delay, or "Connection refused" while the instance boots — sshconnect.c
 * ssh_connect_direct), the server's host key against known_hosts (sshconnect.c check_host_key:
 * the authenticity question, "Permanently added", the REMOTE HOST IDENTIFICATION HAS CHANGED
 * block), then publickey authentication (sshconnect2.c: each identity loaded — a key file open to
 * others is refused by sshkey_perm_ok in authfile.c — and offered; the instance accepts a key whose
 * public half is in the user's authorized_keys: the instance's key pair, as cloud-init puts it
 * there). Every refusal ends with exit status 255 and, unless turned off, a one-line hint.
 */
import type { QuickStartOs } from '../../../shared/lab-operations';
import type { CommandContext, Machine, MachineUser } from '../machines/machine';
import { launchImageOf } from '../machines/instance-machines';
import type { ShellWorld } from '../shell-world';
import { hintLine, type ClientOutput, type ClientSettings } from './client-options';
import { authorizedBlobs, readIdentityKey, type IdentityKey } from './identity-keys';
import { checkHostKey } from './host-key-check';
import { probe } from './probe';
import { resolveHost } from './resolve-host';
import { OPENSSH_VERSION, type ConnectionOptions } from './ssh-arguments';

interface Connected {
  ok: true;
  machine: Machine;
  user: MachineUser;
  instanceId: string;
  /** The host as the learner typed it (what "Connection to … closed." names). */
  host: string;
  address: string;
  /** Root on a Linux AMI: cloud-init's forced command says which user to use instead. */
  rootRedirect?: string;
}

type ConnectionResult = Connected | { ok: false; exitCode: number };

const ROOT = { uid: 0, gid: 0 };
/** The remote sshd's version string, as an Amazon Linux 2023 or Ubuntu 24.04 instance announces it. */
const REMOTE_VERSIONS: Partial<Record<QuickStartOs, string>> = {
  'amazon-linux': 'OpenSSH_8.7',
  ubuntu: 'OpenSSH_9.6p1 Ubuntu-3ubuntu13.5',
  debian: 'OpenSSH_9.2p1 Debian-2+deb12u3',
  rhel: 'OpenSSH_8.7',
  suse: 'OpenSSH_9.6',
};

/** The methods sshd lists: RHEL-family images enable GSSAPI (their sshd_config), Debian's do not. */
function authMethods(os: QuickStartOs): string {
  return os === 'ubuntu' || os === 'debian' ? 'publickey' : 'publickey,gssapi-keyex,gssapi-with-mic';
}

/** `~/x` and relative paths as the laptop's ssh opens them. */
export function laptopPath(ctx: CommandContext, path: string): string {
  if (path === '~') return ctx.user.home;
  if (path.startsWith('~/')) return `${ctx.user.home}${path.slice(1)}`;
  if (path.startsWith('/')) return path;
  return `${ctx.request.cwd.replace(/\/$/, '')}/${path}`;
}

interface Identity {
  shown: string;
  path: string;
  explicit: boolean;
}

const DEFAULT_IDENTITIES = ['id_rsa', 'id_ecdsa', 'id_ecdsa_sk', 'id_ed25519', 'id_ed25519_sk', 'id_xmss', 'id_dsa'];

export async function connect(
  world: ShellWorld,
  ctx: CommandContext,
  settings: ClientSettings,
  out: ClientOutput,
  options: ConnectionOptions,
  target: { host: string; user: string; port: number },
): Promise<ConnectionResult> {
  const env = ctx.request.env;
  const debug = (line: string) => {
    if (options.verbose > 0) out.error(`debug1: ${line}\n`);
  };
  const fail = (message: string, hint?: string): ConnectionResult => {
    out.error(message);
    out.error(hintLine(env, hint));
    return { ok: false, exitCode: 255 };
  };
  const fs = ctx.machine.fs;
  const identities: Identity[] = [];
  for (const shown of options.identityFiles) {
    const path = laptopPath(ctx, shown);
    if (!fs.statOrUndefined(path, true)) {
      if (!options.quiet) out.error(`Warning: Identity file ${shown} not accessible: No such file or directory.\n`);
      continue;
    }
    identities.push({ shown, path, explicit: true });
  }
  for (const name of DEFAULT_IDENTITIES) {
    const path = `${ctx.user.home}/.ssh/${name}`;
    if (fs.statOrUndefined(path, true)) identities.push({ shown: path, path, explicit: false });
  }
  if (options.verbose > 0) out.error(`${OPENSSH_VERSION}\n`);
  debug('Reading configuration data /etc/ssh/ssh_config');

  const resolved = resolveHost(world, target.host);
  if (!resolved) {
    return fail(
      `ssh: Could not resolve hostname ${target.host}: Name or service not known\n`,
      `${target.host} is no public IPv4 address or EC2 public DNS name (ec2-…compute.amazonaws.com) the lab knows`,
    );
  }
  debug(`Connecting to ${target.host} [${resolved.address}] port ${target.port}.`);
  const reached = probe(world, resolved, 'tcp', target.port);
  if (reached.kind === 'timeout') {
    const waitMs = options.connectTimeoutSeconds ? options.connectTimeoutSeconds * 1000 : settings.connectTimeoutMs;
    if (!(await settings.wait(waitMs, ctx.request.signal))) return { ok: false, exitCode: 255 };
    debug(`connect to address ${resolved.address} port ${target.port}: Connection timed out`);
    return fail(`ssh: connect to host ${target.host} port ${target.port}: Connection timed out\n`, reached.why);
  }
  if (reached.kind === 'refused') {
    debug(`connect to address ${resolved.address} port ${target.port}: Connection refused`);
    return fail(`ssh: connect to host ${target.host} port ${target.port}: Connection refused\n`, reached.why);
  }
  const { instanceId, region } = reached;
  const os = osOf(world, region, resolved.instance!.instance.ImageId!);
  if (os === 'windows') {
    debug(`connect to address ${resolved.address} port ${target.port}: Connection refused`);
    return fail(
      `ssh: connect to host ${target.host} port ${target.port}: Connection refused\n`,
      'a Windows instance runs no SSH server; connect with RDP (port 3389) and the password the console decrypts with the key pair',
    );
  }
  const machine = world.instances.get(region, instanceId);
  const hostKey = world.engine.hostKeys.of(instanceId);
  if (!machine || !hostKey) {
    return fail(`ssh: connect to host ${target.host} port ${target.port}: Connection refused\n`);
  }
  debug('Connection established.');
  for (const identity of identities) {
    debug(`identity file ${identity.shown} type -1`);
    debug(`identity file ${identity.shown}-cert type -1`);
  }
  debug(`Local version string SSH-2.0-${OPENSSH_VERSION.split(',')[0]}`);
  const remote = REMOTE_VERSIONS[os] ?? 'OpenSSH_8.7';
  debug(`Remote protocol version 2.0, remote software version ${remote}`);
  debug(`compat_banner: match: ${remote} pat OpenSSH* compat 0x04000000`);
  debug(`Authenticating to ${target.host}:${target.port} as '${target.user}'`);
  debug('SSH2_MSG_KEXINIT sent');
  debug('SSH2_MSG_KEXINIT received');
  debug('kex: algorithm: curve25519-sha256');
  debug('kex: host key algorithm: ssh-ed25519');
  debug(`Server host key: ssh-ed25519 ${hostKey.fingerprint}`);

  const knownHostsPath = laptopPath(ctx, options.knownHostsFile ?? '~/.ssh/known_hosts');
  const verdict = await checkHostKey(
    ctx,
    out,
    options,
    knownHostsPath,
    {
      host: target.host,
      port: target.port,
      address: resolved.address,
      instanceId,
      hostKey,
    },
    debug,
  );
  if (!verdict.ok) return verdict.message ? fail(verdict.message, verdict.hint) : { ok: false, exitCode: 255 };
  debug('SSH2_MSG_NEWKEYS sent');
  debug('SSH2_MSG_NEWKEYS received');
  debug('SSH2_MSG_SERVICE_ACCEPT received');

  // Publickey authentication (sshconnect2.c userauth_pubkey).
  const methods = authMethods(os);
  const user = machine.user(target.user);
  const authorized = user ? authorizedKeysOf(world, machine, user, region, resolved.instance!.instance.KeyName) : [];
  debug(`Authentications that can continue: ${methods}`);
  debug('Next authentication method: publickey');
  for (const identity of identities) {
    debug(`Will attempt key: ${identity.shown} ${identity.explicit ? ' explicit' : ''}`.trimEnd());
  }
  let accepted: IdentityKey | undefined;
  let badPermissions = false;
  for (const identity of identities) {
    const key = loadIdentity(ctx, identity, out, () => (badPermissions = true));
    if (!key) continue;
    debug(`Trying private key: ${identity.shown}`);
    if (authorized.some((blob) => Buffer.compare(blob, Buffer.from(key.blob)) === 0)) {
      accepted = key;
      break;
    }
    debug(`Authentications that can continue: ${methods}`);
  }
  if (!accepted || !user) {
    debug('No more authentication methods to try.');
    return fail(
      `${target.user}@${target.host}: Permission denied (${methods}).\n`,
      denialHint(options, identities, badPermissions, target.user, machine, resolved.instance!.instance.KeyName),
    );
  }
  debug('Authentication succeeded (publickey).');
  debug(`Authenticated to ${target.host} ([${resolved.address}]:${target.port}) using "publickey".`);
  debug('channel 0: new session [client-session] (inactive timeout: 0)');
  debug('Entering interactive session.');
  const defaultUser = machine.user('root') && target.user === 'root' ? defaultUserOf(machine) : undefined;
  return {
    ok: true,
    machine,
    user,
    instanceId,
    host: target.host,
    address: resolved.address,
    rootRedirect: defaultUser,
  };
}

function osOf(world: ShellWorld, region: string, imageId: string): QuickStartOs {
  try {
    return launchImageOf(world.instances.reader, region, imageId).Os;
  } catch {
    return 'amazon-linux';
  }
}

/** The AMI's login user: the one user besides root a lab instance has. */
export function defaultUserOf(machine: Machine): string | undefined {
  for (const name of ['ec2-user', 'ubuntu', 'admin', 'centos', 'fedora', 'bitnami', 'rocky']) {
    if (machine.user(name)) return name;
  }
  return undefined;
}

/**
 * The keys sshd accepts for a user: its ~/.ssh/authorized_keys on the instance when the file is
 * there, else the instance's key pair, which cloud-init writes there at first boot (for root too,
 * behind the forced command that names the right user).
 */
export function authorizedKeysOf(
  world: ShellWorld,
  machine: Machine,
  user: MachineUser,
  region: string,
  keyName: string | undefined,
): Buffer[] {
  try {
    const text = new TextDecoder().decode(machine.fs.readBytes(`${user.home}/.ssh/authorized_keys`, ROOT));
    return authorizedBlobs(text);
  } catch {
    // No authorized_keys file: the key pair's public key, as cloud-init installs it.
  }
  if (!keyName) return [];
  try {
    const pairs = world.instances.reader.ec2(region, 'DescribeKeyPairs', {
      KeyNames: [keyName],
      IncludePublicKey: true,
    });
    return authorizedBlobs(pairs.KeyPairs?.[0]?.PublicKey ?? '');
  } catch {
    return [];
  }
}

/** Loads one identity file as sshconnect2.c load_identity_file does, printing what OpenSSH prints. */
function loadIdentity(
  ctx: CommandContext,
  identity: Identity,
  out: ClientOutput,
  onBadPermissions: () => void,
): IdentityKey | undefined {
  const stat = ctx.machine.fs.statOrUndefined(identity.path, true);
  if (!stat) return undefined;
  // authfile.c sshkey_perm_ok: a key file others may read is ignored (the owner, or root, may).
  if ((stat.mode & 0o077) !== 0) {
    onBadPermissions();
    out.error(
      [
        '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@',
        '@         WARNING: UNPROTECTED PRIVATE KEY FILE!          @',
        '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@',
        `Permissions ${(stat.mode & 0o777).toString(8).padStart(4, '0')} for '${identity.shown}' are too open.`,
        'It is required that your private key files are NOT accessible by others.',
        'This private key will be ignored.',
        `Load key "${identity.shown}": bad permissions`,
        '',
      ].join('\n'),
    );
    return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder().decode(ctx.machine.fs.readBytes(identity.path, ctx.who));
  } catch {
    out.error(`Load key "${identity.shown}": Permission denied\n`);
    return undefined;
  }
  const key = readIdentityKey(text);
  if (!key) out.error(`Load key "${identity.shown}": invalid format\n`);
  return key;
}

function denialHint(
  options: ConnectionOptions,
  identities: Identity[],
  badPermissions: boolean,
  userName: string,
  machine: Machine,
  keyName: string | undefined,
): string {
  if (badPermissions) {
    const file = options.identityFiles[0] ?? 'the key file';
    return `ssh ignores a private key others can read; run chmod 400 ${file.includes(' ') ? `"${file}"` : file} and try again`;
  }
  if (!machine.user(userName)) {
    return `this AMI's login user is ${defaultUserOf(machine) ?? 'another user'}, not ${userName}`;
  }
  if (identities.length === 0)
    return `give the key pair's private key file with -i (the instance uses key pair ${keyName ?? '(none)'})`;
  return keyName
    ? `the instance was launched with key pair ${keyName}; the key file given is not its private key`
    : 'the instance was launched without a key pair, so no key logs in';
}
