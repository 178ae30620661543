/// <reference types="vite/client" />
import type { Ec2LabWindowApi } from '../shared/api';

declare global {
  interface Window {
    /** Present only in the desktop app: what electron/preload.ts exposes through contextBridge. */
    ec2lab?: Ec2LabWindowApi;
  }
}

export {};
