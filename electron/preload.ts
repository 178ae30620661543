/**
 * The sandboxed preload: exposes `window.ec2lab` (shared/api.ts Ec2LabWindowApi) through the
 * context bridge, and nothing else. Bundled to dist/electron/preload.cjs, a single CommonJS file,
 * because a sandboxed preload may require only 'electron'.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildWindowApi } from './doors/ipc/window-api';

contextBridge.exposeInMainWorld('ec2lab', buildWindowApi(ipcRenderer));
