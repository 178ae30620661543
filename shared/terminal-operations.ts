/**
 * Terminal sessions, the third service beside 'ec2' and 'lab': the console's terminal pane opens a
 * shell on the learner's simulated laptop and shows what it prints; every key typed is sent as it
 * is (xterm's `onData` bytes). A session lives in the main process, line editing included, so the
 * same session code can sit behind a real SSH server; the console only shows bytes and sends keys.
 * What a session prints arrives as `terminal-output` events (shared/events.ts).
 */

export interface TerminalSession {
  SessionId: string;
  /** The tab's title: `Laptop`, or `ec2-user@ip-172-31-5-10` while an ssh login is open in it. */
  Title: string;
  Cols: number;
  Rows: number;
}

/**
 * Real SSH from the learner's own terminal: each reachable instance is served on a loopback port
 * of this computer (`ssh -i key.pem -p PORT ec2-user@127.0.0.1`), with its own host key.
 */
export interface SshAccess {
  /** Whether this host runs the SSH server at all (the desktop app and browser mode do). */
  Available: boolean;
  /** The lab setting: off closes every port. */
  Enabled: boolean;
  Listeners: {
    InstanceId: string;
    Port: number;
    Listening: boolean;
    /** Why the port is not served (another program holds it). */
    Error?: string;
    /** The instance's host key fingerprint (`SHA256:…`), as `ssh` shows it on first connection. */
    Fingerprint?: string;
  }[];
  /** An `ssh_config` with a Host entry per served instance (the console's "Download SSH config"). */
  Config: string;
}

export interface TerminalOperations {
  /** Opens a shell on the laptop (`learner@laptop:~$`) sized to the pane. */
  OpenTerminal: { input: { Cols: number; Rows: number }; output: TerminalSession };
  /** Keys the learner typed (or pasted), exactly as the terminal produced them. */
  WriteTerminal: { input: { SessionId: string; Data: string }; output: Record<string, never> };
  ResizeTerminal: { input: { SessionId: string; Cols: number; Rows: number }; output: Record<string, never> };
  /** Closes the tab: any ssh login in it ends, as when a terminal window is closed. */
  CloseTerminal: { input: { SessionId: string }; output: Record<string, never> };
  /** The SSH server's ports per instance, its setting and the ssh_config to download. */
  DescribeSshAccess: { input: Record<string, never>; output: SshAccess };
  /** Turns the SSH server on or off (kept with this computer's EC2 Lab settings). */
  SetSshEnabled: { input: { Enabled: boolean }; output: SshAccess };
  /** The open sessions, each with the tail of what it printed, so a reloaded console shows them again. */
  DescribeTerminals: {
    input: Record<string, never>;
    output: { Sessions: (TerminalSession & { Backlog: string })[] };
  };
}

export type TerminalOperationName = keyof TerminalOperations;

export const TERMINAL_OPERATION_NAMES = [
  'OpenTerminal',
  'WriteTerminal',
  'ResizeTerminal',
  'CloseTerminal',
  'DescribeTerminals',
  'DescribeSshAccess',
  'SetSshEnabled',
] as const satisfies readonly TerminalOperationName[];

/** Terminal sizes the pane may ask for (a session refuses others). */
export const TERMINAL_MIN_SIZE = { Cols: 10, Rows: 2 } as const;
export const TERMINAL_MAX_SIZE = { Cols: 1000, Rows: 500 } as const;
