/**
 * Picks the door the renderer talks through, once: the desktop preload (`window.ec2lab`) when it is
 * there, otherwise browser mode's HTTP + WebSocket. Tests inject their own bridge with setBridge().
 * Nothing else in the renderer knows which door it is behind.
 */
import { createIpcBridge } from './ipc-bridge';
import type { RendererBridge } from './renderer-bridge';
import { createWebBridge } from './web-bridge';

export type { RendererBridge };

let current: RendererBridge | undefined;

export function detectBridge(win: Window = window): RendererBridge {
  if (win.ec2lab) return createIpcBridge(win.ec2lab);
  return createWebBridge({
    location: win.location,
    fetch: win.fetch.bind(win),
    createSocket: (url) => new WebSocket(url),
  });
}

export function setBridge(bridge: RendererBridge | undefined): void {
  current = bridge;
}

export function getBridge(): RendererBridge {
  current ??= detectBridge();
  return current;
}
