/**
 * The virtual files every machine has under /dev (null, zero, random, tty) and, for an instance,
 * its block devices; writes to /dev/null vanish, reads of /dev/zero are zeros (a little of them).
 */
import type { VirtualNode } from './guest-fs';

export function standardDevices(): Map<string, VirtualNode> {
  const bytes = (size: number, fill: (i: number) => number) => Uint8Array.from({ length: size }, (_, i) => fill(i));
  return new Map<string, VirtualNode>([
    ['/dev', { type: 'directory' }],
    ['/dev/null', { type: 'file', mode: 0o666, read: () => '', write: () => undefined }],
    ['/dev/zero', { type: 'file', mode: 0o666, read: () => bytes(4096, () => 0), write: () => undefined }],
    [
      '/dev/urandom',
      {
        type: 'file',
        mode: 0o666,
        read: () => bytes(4096, () => Math.floor(Math.random() * 256)),
        write: () => undefined,
      },
    ],
    ['/dev/tty', { type: 'file', mode: 0o666, read: () => '', write: () => undefined }],
  ]);
}
