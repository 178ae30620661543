/**
 * The engine serves GetApiAccess / RegenerateApiAccessKey, but the EC2 API server and its key pair
 * belong to a host door. The door registers this provider with the engine when it starts, so the
 * engine never imports a door.
 */
import type { ApiAccess } from '../../../shared/lab-operations';

export interface ApiAccessProvider {
  access(): ApiAccess;
  /** Makes a new key pair (only when KeySource is 'generated'); the old one stops working at once. */
  regenerate(): ApiAccess;
  /** Starts moving the API to another port; the outcome is announced by registering again. */
  setPort?(port: number): ApiAccess;
}

export const API_NOT_RUNNING: ApiAccess = {
  Available: false,
  Reason: 'The EC2 API is not running in this lab.',
};
