/**
 * The desktop door: one IPC channel for calls, checked twice before the engine sees them — the
 * sender must be our window's main frame showing our own page, and the payload must be a
 * well-formed call. Engine events go back to the window on the event channel.
 * (Electron security checklist: "Validate the sender of all IPC messages".)
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { ApiResult } from '../../../shared/api';
import { ErrorCode } from '../../../shared/errors';
import type { DoorEngine } from '../door-engine';
import { validateCall } from '../common/validate-call';
import { isAppUrl } from './app-protocol';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels';

export interface IpcDoorOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  engine: DoorEngine;
  /** The window's contents: the only sender we answer, and where events go. */
  webContents: WebContents;
  /** Whether a frame URL is one of our pages; the app:// origin by default. */
  isTrustedUrl?: (url: string) => boolean;
}

const refused = (message: string): ApiResult => ({ ok: false, error: { code: ErrorCode.AuthFailure, message } });

function isTrustedSender(event: IpcMainInvokeEvent, webContents: WebContents, isTrustedUrl: (url: string) => boolean) {
  const frame = event.senderFrame;
  const main = webContents.mainFrame;
  // The same frame may come back as another wrapper object; its process and routing ids name it.
  const isMainFrame =
    frame !== null && (frame === main || (frame.processId === main.processId && frame.routingId === main.routingId));
  return event.sender === webContents && isMainFrame && isTrustedUrl(frame.url);
}

/** Registers the call handler and event forwarding; returns a function that undoes both. */
export function registerIpcDoor({ ipcMain, engine, webContents, isTrustedUrl = isAppUrl }: IpcDoorOptions): () => void {
  ipcMain.handle(CALL_CHANNEL, (event, payload: unknown): ApiResult => {
    if (!isTrustedSender(event, webContents, isTrustedUrl)) {
      return refused('Calls are accepted only from the EC2 Lab window.');
    }
    const checked = validateCall(payload);
    if (!checked.ok) return checked;
    try {
      return engine.dispatch(checked.call);
    } catch (error) {
      // The engine promises never to throw; if it does, the window still gets an answer.
      console.error('EC2 Lab: engine.dispatch threw', error);
      return { ok: false, error: { code: ErrorCode.InternalError, message: 'An internal error has occurred.' } };
    }
  });

  const unsubscribe = engine.onEvent((engineEvent) => {
    if (!webContents.isDestroyed()) webContents.send(EVENT_CHANNEL, engineEvent);
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(CALL_CHANNEL);
  };
}
