/** Downloads on the simulated laptop: ~/Downloads, mode 0644, browser-style renames, kept with the lab. */
import { describe, expect, it } from 'vitest';
import { createTestLab } from '../test-support/test-lab';

const KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----\n';

describe("the laptop's Downloads folder", () => {
  it('saves a download in ~/Downloads with mode 0644, as a browser leaves it', () => {
    const lab = createTestLab();
    expect(lab.lab('GetLaptop', {})).toMatchObject({ User: 'learner', HomeDirectory: '/home/learner' });
    const file = lab.lab('SaveLaptopDownload', { FileName: 'my-key.pem', Content: KEY });
    expect(file).toEqual({
      Path: '/home/learner/Downloads/my-key.pem',
      Mode: 0o644,
      Size: KEY.length,
      ModifiedTime: lab.lab('GetClock', {}).now,
    });
    expect(lab.lab('DescribeLaptopFiles', {}).Files).toEqual([file]);
  });

  it('never overwrites: a second file of the same name becomes "name (1).ext", then "(2)"', () => {
    const lab = createTestLab();
    const paths = ['key.pem', 'key.pem', 'key.pem', 'README'].map(
      (FileName) => lab.lab('SaveLaptopDownload', { FileName, Content: FileName }).Path,
    );
    lab.lab('SaveLaptopDownload', { FileName: 'README', Content: 'again' });
    expect(paths).toEqual([
      '/home/learner/Downloads/key.pem',
      '/home/learner/Downloads/key (1).pem',
      '/home/learner/Downloads/key (2).pem',
      '/home/learner/Downloads/README',
    ]);
    expect(lab.lab('DescribeLaptopFiles', {}).Files.map((f) => f.Path)).toContain('/home/learner/Downloads/README (1)');
  });

  it('refuses a name that would leave Downloads and a file over 1 MiB, saving nothing', () => {
    const lab = createTestLab();
    for (const FileName of ['../.ssh/authorized_keys', '..', 'a\\b', 'bell\u0007', 'x'.repeat(256)]) {
      expect(lab.labError('SaveLaptopDownload', { FileName, Content: KEY }).code).toBe('InvalidParameterValue');
    }
    expect(lab.labError('SaveLaptopDownload', { FileName: '', Content: KEY }).code).toBe('MissingParameter');
    const big = lab.labError('SaveLaptopDownload', { FileName: 'big.bin', Content: 'x'.repeat(1024 * 1024 + 1) });
    expect(big).toEqual({
      code: 'InvalidParameterValue',
      message: 'The download big.bin is larger than 1048576 bytes.',
    });
    expect(lab.lab('DescribeLaptopFiles', {}).Files).toEqual([]);
  });

  it('keeps the files across a restart and in an exported lab', () => {
    const lab = createTestLab();
    lab.lab('SaveLaptopDownload', { FileName: 'my-key.pem', Content: KEY });
    const reopened = lab.reopen();
    expect(reopened.lab('DescribeLaptopFiles', {}).Files.map((f) => f.Path)).toEqual([
      '/home/learner/Downloads/my-key.pem',
    ]);
    const exported = reopened.lab('ExportLab', {}).content;
    const other = createTestLab();
    other.lab('ImportLab', { content: exported });
    expect(other.lab('DescribeLaptopFiles', {}).Files).toEqual(reopened.lab('DescribeLaptopFiles', {}).Files);
  });
});
