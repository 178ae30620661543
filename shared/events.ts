/** Events the engine pushes to every door; stores update from these rather than polling. */
import type { ActivityEvent, ApiAccess, ClockState, LabStatus } from './lab-operations';
import type { SshAccess, TerminalSession } from './terminal-operations';

/** The kinds of resource whose changes the engine announces, one per resource family. */
export type ResourceKind =
  | 'instance'
  | 'volume'
  | 'network-interface'
  | 'vpc'
  | 'subnet'
  | 'key-pair'
  | 'security-group'
  | 'address'
  | 'snapshot'
  | 'image'
  | 'launch-template'
  | 'internet-gateway'
  | 'route-table'
  | 'network-acl';

export type EngineEvent =
  /** Resources changed in a region (state transition, tag, attribute); re-describe the ids. */
  | { type: 'resources-changed'; region: string; resource: ResourceKind; ids: string[] }
  /** The clock's speed changed or it jumped; sent also every few seconds of simulation time. */
  | { type: 'clock'; clock: ClockState }
  /** An API call was logged (activity log). */
  | { type: 'activity'; event: ActivityEvent }
  /** The EC2 API endpoint or its access key changed. */
  | { type: 'api-access'; access: ApiAccess }
  /** The lab was reset or imported: everything must be reloaded. */
  | { type: 'lab-replaced'; status: LabStatus }
  /** A terminal session printed something (raw bytes for the terminal, UTF-8 text with escapes). */
  | { type: 'terminal-output'; sessionId: string; data: string }
  /** A session's title or size changed (an ssh login opened or closed in it). */
  | { type: 'terminal-changed'; session: TerminalSession }
  /** A session ended (`exit` in the laptop shell, or CloseTerminal). */
  | { type: 'terminal-closed'; sessionId: string }
  /** The SSH server's ports or setting changed (an instance started, a port was taken, turned off). */
  | { type: 'ssh-access'; access: SshAccess };
