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

  it('keeps each content once in the image, names it by its SHA-256, and replaces entries instead of changing them', () => {
    const fs = formatted();
    fs.writeFile('/a', 'same\n');
    fs.writeFile('/b', 'same\n', { mode: 0o600 });
    const before = fs.image.entries['/a']!;
    // Named by sha256("same\n"), as `sha256sum` prints it.
    expect(before).toMatchObject({
      type: 'file',
      size: 5,
      blob: 'a6328afc76e9db71da297ebff4b0d3e7a7eb3b01d917c05a6573fef121b6ecb6',
    });
    expect(fs.image.entries['/b']).toMatchObject({ blob: before.type === 'file' && before.blob });
    expect(Object.keys(fs.image.blobs!)).toEqual([(before as { blob: string }).blob]);
    const entries = { ...fs.image.entries };
    fs.chmod('/a', 0o400);
    fs.chown('/a', 1000, 1000);
    expect(entries['/a']).toBe(before);
    expect(before).toMatchObject({ mode: 0o644, uid: 0 });
    expect(fs.stat('/a')).toMatchObject({ mode: 0o400, uid: 1000, gid: 1000 });
    expect(fs.readText('/b')).toBe('same\n');
  });

  it('refuses every change when read-only, with EROFS, and reads as usual', () => {
    const writable = formatted();
    writable.mkdir('/dir');
    writable.writeFile('/dir/file', 'kept');
    const fs = new Filesystem(writable.image, 2_000, { readOnly: 'a snapshot' });
    expect(fs.readOnly).toBe(true);
    const changes: [string, () => void][] = [
      ['format', () => fs.format('ext4')],
      ['wipe', () => fs.wipe()],
      ['mkdir', () => fs.mkdir('/new')],
      ['writeFile', () => fs.writeFile('/dir/file', 'changed')],
      ['symlink', () => fs.symlink('file', '/dir/link')],
      ['remove', () => fs.remove('/dir', { recursive: true })],
      ['rename', () => fs.rename('/dir', '/moved')],
      ['chmod', () => fs.chmod('/dir/file', 0o777)],
      ['chown', () => fs.chown('/dir/file', 1, 1)],
    ];
    for (const [name, change] of changes)
      expect(change, name).toThrow(/^EROFS: read-only file system, .*\(a snapshot\)$/);
    expect(fs.readText('/dir/file')).toBe('kept');
    expect(fs.list('/')).toEqual(['dir']);
  });

  it('tells df what it needs: type, the disk size, bytes used, available and writable, entries', () => {
    const fs = new Filesystem(rawImage(), 0, { sizeBytes: 8 * 1024 ** 3 });
    expect(() => fs.statfs()).toThrow(/^ENOFS/);
    fs.format('ext4');
    fs.writeFile('/file', new Uint8Array(1000));
    expect(fs.statfs()).toEqual({
      type: 'ext4',
      sizeBytes: 8 * 1024 ** 3,
      usedBytes: 1000,
      availableBytes: 8 * 1024 ** 3 - 1000,
      writableBytes: 64 * 1024 * 1024 - 1000,
      entries: 3,
    });
  });
});
