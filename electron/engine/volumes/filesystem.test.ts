import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './base64';
import { Filesystem, normalizePath, rawImage, type FilesystemError } from './filesystem';

function formatted(): Filesystem {
  const fs = new Filesystem(rawImage(), 1_000);
  fs.format('xfs');
  return fs;
}

describe('a disk image as a filesystem', () => {
  it('round-trips bytes through base64 as the platform does', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 255, 1000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37) % 256);
      expect(toBase64(bytes)).toBe(btoa(String.fromCharCode(...bytes)));
      expect([...fromBase64(toBase64(bytes))]).toEqual([...bytes]);
    }
  });

  it('normalizes paths and follows symbolic links, relative and absolute', () => {
    expect(normalizePath('a/./b/../c/')).toBe('/a/c');
    const fs = formatted();
    fs.mkdir('/usr/lib', { recursive: true });
    fs.writeFile('/usr/lib/os-release', 'ID=amzn\n');
    fs.symlink('../usr/lib/os-release', '/etc-os-release');
    fs.mkdir('/etc');
    fs.symlink('../usr/lib/os-release', '/etc/os-release');
    fs.symlink('/usr', '/u');
    expect(fs.readText('/etc/os-release')).toBe('ID=amzn\n');
    expect(fs.readText('/u/lib/os-release')).toBe('ID=amzn\n');
    expect(fs.readlink('/etc/os-release')).toBe('../usr/lib/os-release');
    fs.symlink('/loop', '/loop');
    expect(() => fs.readFile('/loop')).toThrow(/^ELOOP/);
  });

  it('answers errno errors a shell prints', () => {
    const fs = formatted();
    const codeOf = (action: () => unknown) => {
      try {
        action();
      } catch (error) {
        return (error as FilesystemError).code;
      }
      return 'none';
    };
    expect(codeOf(() => fs.readFile('/missing'))).toBe('ENOENT');
    expect(codeOf(() => fs.writeFile('/no/dir/file', 'x'))).toBe('ENOENT');
    fs.mkdir('/dir');
    expect(codeOf(() => fs.readFile('/dir'))).toBe('EISDIR');
    expect(codeOf(() => fs.mkdir('/dir'))).toBe('EEXIST');
    fs.writeFile('/dir/file', 'x');
    expect(codeOf(() => fs.remove('/dir'))).toBe('ENOTEMPTY');
    expect(codeOf(() => fs.list('/dir/file'))).toBe('ENOTDIR');
    expect(codeOf(() => new Filesystem(rawImage(), 0).list('/'))).toBe('ENOFS');
  });

  it('keeps owner, mode and time; appends, renames and removes, counting the bytes used', () => {
    const fs = formatted();
    fs.mkdir('/home/ec2-user', { recursive: true, mode: 0o700, uid: 1000, gid: 1000 });
    fs.writeFile('/home/ec2-user/log', 'one\n', { uid: 1000, gid: 1000, mode: 0o600 });
    fs.writeFile('/home/ec2-user/log', 'two\n', { append: true });
    expect(fs.readText('/home/ec2-user/log')).toBe('one\ntwo\n');
    expect(fs.stat('/home/ec2-user/log')).toEqual({
      type: 'file',
      mode: 0o600,
      uid: 1000,
      gid: 1000,
      mtime: 1_000,
      size: 8,
    });
    expect(fs.image.usedBytes).toBe(8);
    fs.rename('/home/ec2-user', '/home/admin');
    expect(fs.list('/home')).toEqual(['admin']);
    expect(fs.readText('/home/admin/log')).toBe('one\ntwo\n');
    fs.remove('/home', { recursive: true });
    expect(fs.list('/')).toEqual([]);
    expect(fs.image.usedBytes).toBe(0);
    fs.wipe();
    expect(fs.image).toEqual({ entries: {}, usedBytes: 0 });
  });
});
