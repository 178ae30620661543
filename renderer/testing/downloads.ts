/**
 * Catches the files the console saves through composables/download.ts (a Blob URL on a clicked
 * <a download>), so a test can read each file's name and text. `restore` puts the browser back.
 */
export interface SavedFile {
  fileName: string;
  text: string;
}

export function captureDownloads() {
  const blobs = new Map<string, Blob>();
  const saved: { fileName: string; blob: Blob }[] = [];
  const original = {
    createObjectURL: URL.createObjectURL,
    revokeObjectURL: URL.revokeObjectURL,
    click: HTMLAnchorElement.prototype.click,
  };
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    const url = `blob:download-${blobs.size + 1}`;
    blobs.set(url, blob as Blob);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.getAttribute('href') ?? '');
    if (this.download && blob) saved.push({ fileName: this.download, blob });
    else original.click.call(this);
  };
  return {
    /** The files saved so far, in order. */
    files: (): Promise<SavedFile[]> =>
      Promise.all(saved.map(async ({ fileName, blob }) => ({ fileName, text: await blob.text() }))),
    restore(): void {
      URL.createObjectURL = original.createObjectURL;
      URL.revokeObjectURL = original.revokeObjectURL;
      HTMLAnchorElement.prototype.click = original.click;
    },
  };
}
