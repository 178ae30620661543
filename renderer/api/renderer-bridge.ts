/** What the renderer's door looks like to it: the shared LabBridge, and word when its event stream comes back. */
import type { LabBridge } from '../../shared/api';

/** A bridge may also say when its event stream came back after a loss, so stores can catch up. */
export interface RendererBridge extends LabBridge {
  onReconnect?(listener: () => void): () => void;
}
