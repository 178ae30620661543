/** What the renderer's door looks like to it: the shared LabBridge, and word when its event stream comes back. */
import type { LabBridge } from '../../shared/api';

/**
 * The console's own code for a call that never reached the lab (browser mode's server went away):
 * a local outage, not an AWS error, so the console says "Disconnected" rather than show a code.
 */
export const LAB_UNREACHABLE = 'LabUnreachable';

/**
 * A bridge may also say when its event stream came back after a loss, so stores can catch up, and
 * when it loses or regains the lab (browser mode; the desktop app's IPC never disconnects).
 */
export interface RendererBridge extends LabBridge {
  onReconnect?(listener: () => void): () => void;
  onConnectionChange?(listener: (connected: boolean) => void): () => void;
}
