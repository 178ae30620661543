/**
 * Where a filesystem keeps its files' data: by content address (the SHA-256 of the bytes, hex), so a
 * disk's entries name their data and never hold it, a copy of a disk copies names only, and the
 * same bytes are kept once. The lab keeps data in the disk-blobs collection (disk-blobs.ts); an
 * image made or handed out outside the lab carries its own (`DiskImage.blobs`).
 */
import { toBase64 } from './base64';
import { sha256Hex } from './sha256';

export interface BlobStore {
  /** The data at an address as base64, or undefined if the store has none there. */
  read(address: string): string | undefined;
  /** Keeps the bytes (once, however often written) and returns their address. */
  write(bytes: Uint8Array): string;
}

/** A store inside a plain object, address → base64 (the `blobs` an image carries). */
export function objectBlobs(holder: { blobs?: Record<string, string> }): BlobStore {
  return {
    read: (address) =>
      Object.prototype.hasOwnProperty.call(holder.blobs ?? {}, address) ? holder.blobs![address] : undefined,
    write: (bytes) => {
      const address = sha256Hex(bytes);
      holder.blobs ??= {};
      holder.blobs[address] ??= toBase64(bytes);
      return address;
    },
  };
}
