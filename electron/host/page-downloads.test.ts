/** Desktop downloads: the app's own Blob files go to the save dialog in Downloads; anything else is cancelled. */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { handlePageDownload, type PageDownload } from './page-downloads';

function download(url: string, fileName: string) {
  return {
    getURL: () => url,
    getFilename: () => fileName,
    cancel: vi.fn(),
    setSaveDialogOptions: vi.fn(),
  } satisfies PageDownload;
}

describe('page downloads in the desktop app', () => {
  it('offers the save dialog in the Downloads folder for a file the console saves', () => {
    const key = download('blob:app://ec2lab/6f1c2a9e-0000-4000-8000-000000000001', 'my-key.pem');
    expect(handlePageDownload(key, '/home/learner/Downloads')).toBe('save-dialog');
    expect(key.setSaveDialogOptions).toHaveBeenCalledWith({
      title: 'Save my-key.pem',
      defaultPath: join('/home/learner/Downloads', 'my-key.pem'),
    });
    expect(key.cancel).not.toHaveBeenCalled();
  });

  it('cancels a download that does not come from the app’s own page', () => {
    for (const url of [
      'https://example.com/tool.exe',
      'blob:https://example.com/1',
      'file:///etc/passwd',
      'blob:app://other/1',
    ]) {
      const foreign = download(url, 'x');
      expect(handlePageDownload(foreign, '/tmp')).toBe('cancelled');
      expect(foreign.cancel).toHaveBeenCalledOnce();
      expect(foreign.setSaveDialogOptions).not.toHaveBeenCalled();
    }
  });
});
