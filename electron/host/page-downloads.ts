/**
 * Files the console saves in the desktop app (a private key at CreateKeyPair, an exported lab): the
 * page saves them as a browser does, from a Blob URL on a clicked `<a download>`, and Electron then
 * asks where to save with the system's save dialog, starting in the user's Downloads folder under
 * the name the page chose. Only the app's own page may start a download: anything else (a URL that
 * is not a Blob of app://ec2lab) is cancelled, since the app never fetches files from elsewhere.
 * Electron API: session 'will-download', DownloadItem.setSaveDialogOptions.
 */
import { join } from 'node:path';
import { APP_HOST, APP_SCHEME } from '../doors/ipc/app-protocol';

/** The part of Electron's DownloadItem this module uses. */
export interface PageDownload {
  getURL(): string;
  getFilename(): string;
  cancel(): void;
  setSaveDialogOptions(options: { title?: string; defaultPath?: string; buttonLabel?: string }): void;
}

const OWN_BLOB_PREFIX = `blob:${APP_SCHEME}://${APP_HOST}/`;

/** Lets the app's own Blob downloads through to the save dialog; cancels every other download. */
export function handlePageDownload(download: PageDownload, downloadsDirectory: string): 'save-dialog' | 'cancelled' {
  if (!download.getURL().startsWith(OWN_BLOB_PREFIX)) {
    download.cancel();
    return 'cancelled';
  }
  const fileName = download.getFilename();
  download.setSaveDialogOptions({ title: `Save ${fileName}`, defaultPath: join(downloadsDirectory, fileName) });
  return 'save-dialog';
}
