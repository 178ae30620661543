/**
 * `ssh` and `scp` command lines as OpenSSH 9.x parses them (ssh(1), scp(1), ssh_config(5)): the
 * flags the lab's clients act on, `-o Key=Value` (or `-o "Key Value"`) for the options that matter
 * here, and `[user@]host` destinations. What the clients do not simulate is accepted and ignored
 * when it changes nothing a learner would see (-4, -q, -t, -T, -C); anything else is refused with
 * OpenSSH's own words.
 */

type StrictHostKeyChecking = 'yes' | 'no' | 'accept-new' | 'ask';

export interface ConnectionOptions {
  identityFiles: string[];
  port?: number;
  user?: string;
  verbose: number;
  quiet: boolean;
  strict: StrictHostKeyChecking;
  connectTimeoutSeconds?: number;
  knownHostsFile?: string;
  batchMode: boolean;
}

export const newConnectionOptions = (): ConnectionOptions => ({
  identityFiles: [],
  verbose: 0,
  quiet: false,
  strict: 'ask',
  batchMode: false,
});

/** The OpenSSH version this laptop's client reports (`ssh -V`; the one installed on Debian 12). */
export const OPENSSH_VERSION = 'OpenSSH_9.2p1 Debian-2+deb12u6, OpenSSL 3.0.19 27 Jan 2026';

/** `ssh` without a destination (OpenSSH 9.2's usage(), as the installed client prints it). */
const SSH_USAGE = [
  'usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface]',
  '           [-b bind_address] [-c cipher_spec] [-D [bind_address:]port]',
  '           [-E log_file] [-e escape_char] [-F configfile] [-I pkcs11]',
  '           [-i identity_file] [-J [user@]host[:port]] [-L address]',
  '           [-l login_name] [-m mac_spec] [-O ctl_cmd] [-o option] [-p port]',
  '           [-Q query_option] [-R address] [-S ctl_path] [-W host:port]',
  '           [-w local_tun[:remote_tun]] destination [command [argument ...]]',
  '',
].join('\n');

/** Applies one `-o` option; an error message (exit 255) for what ssh_config(5) does not know. */
export function applyOption(options: ConnectionOptions, text: string): string | undefined {
  const match = /^\s*([A-Za-z]+)\s*(?:=|\s)\s*(.*?)\s*$/.exec(text);
  if (!match) return `command-line: line 0: Bad configuration option: ${text}\n`;
  const [, rawKey, value] = match as unknown as [string, string, string];
  const key = rawKey.toLowerCase();
  const yesNo = (word: string) => /^(yes|true)$/i.test(word);
  switch (key) {
    case 'stricthostkeychecking': {
      const word = value.toLowerCase();
      if (word === 'yes' || word === 'true') options.strict = 'yes';
      else if (word === 'no' || word === 'off' || word === 'false') options.strict = 'no';
      else if (word === 'accept-new') options.strict = 'accept-new';
      else if (word === 'ask') options.strict = 'ask';
      else return `command-line line 0: unsupported option "${value}".\n`;
      return undefined;
    }
    case 'connecttimeout': {
      if (!/^\d+$/.test(value)) return `command-line line 0: invalid time value.\n`;
      options.connectTimeoutSeconds = Number(value) || undefined;
      return undefined;
    }
    case 'userknownhostsfile':
      options.knownHostsFile = value.split(/\s+/)[0];
      return undefined;
    case 'batchmode':
      options.batchMode = yesNo(value);
      return undefined;
    case 'identityfile':
      options.identityFiles.push(value);
      return undefined;
    case 'port':
      options.port = Number(value);
      return undefined;
    case 'user':
      options.user = value;
      return undefined;
    case 'loglevel':
      options.quiet = /^(quiet|fatal|error)$/i.test(value);
      return undefined;
    case 'passwordauthentication':
    case 'pubkeyauthentication':
    case 'identitiesonly':
    case 'serveraliveinterval':
    case 'serveralivecountmax':
    case 'requesttty':
    case 'hashknownhosts':
    case 'addkeystoagent':
    case 'forwardagent':
    case 'compression':
    case 'loglevelverbose':
    case 'checkhostip':
    case 'updatehostkeys':
      return undefined;
    default:
      return `command-line: line 0: Bad configuration option: ${rawKey.toLowerCase()}\n`;
  }
}

/** `user@host` → its parts (the last `@` separates, as ssh.c parse_user_host_path does). */
export function splitDestination(destination: string): { user?: string; host: string } {
  const at = destination.lastIndexOf('@');
  return at < 0 ? { host: destination } : { user: destination.slice(0, at), host: destination.slice(at + 1) };
}

interface SshCommandLine {
  options: ConnectionOptions;
  destination: string;
  command: string[];
}

/** Parses `ssh`'s arguments; a string is what to print before exiting 255 (usage, bad option). */
export function parseSshArguments(args: string[]): SshCommandLine | { exit: number; stdout?: string; stderr?: string } {
  const options = newConnectionOptions();
  let index = 0;
  const needsValue = new Set([
    'i',
    'p',
    'l',
    'o',
    'F',
    'E',
    'L',
    'R',
    'D',
    'J',
    'b',
    'c',
    'm',
    'e',
    'S',
    'W',
    'w',
    'B',
    'I',
    'O',
    'P',
    'Q',
  ]);
  while (index < args.length) {
    const arg = args[index]!;
    if (arg === '--') {
      index++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    let flags = arg.slice(1);
    index++;
    while (flags) {
      const flag = flags[0]!;
      flags = flags.slice(1);
      if (flag === 'V') return { exit: 0, stderr: `${OPENSSH_VERSION}\n` };
      if (needsValue.has(flag)) {
        const value = flags || args[index++];
        flags = '';
        if (value === undefined) return { exit: 255, stderr: `option requires an argument -- ${flag}\n${SSH_USAGE}` };
        const problem = applyFlag(options, flag, value);
        if (problem) return { exit: 255, stderr: problem };
        continue;
      }
      if (flag === 'v') options.verbose++;
      else if (flag === 'q') options.quiet = true;
      else if (!'46AaCfGgKkMNnsTtXxYy'.includes(flag))
        return { exit: 255, stderr: `unknown option -- ${flag}\n${SSH_USAGE}` };
    }
  }
  const destination = args[index];
  if (destination === undefined) return { exit: 255, stderr: SSH_USAGE };
  return { options, destination, command: args.slice(index + 1) };
}

function applyFlag(options: ConnectionOptions, flag: string, value: string): string | undefined {
  switch (flag) {
    case 'i':
      options.identityFiles.push(value);
      return undefined;
    case 'p': {
      const port = Number(value);
      if (!/^\d+$/.test(value) || port < 1 || port > 65535) return `Bad port '${value}'\n`;
      options.port = port;
      return undefined;
    }
    case 'l':
      options.user = value;
      return undefined;
    case 'o':
      return applyOption(options, value);
    default:
      return `ssh: the lab's ssh does not support -${flag}\n`;
  }
}
