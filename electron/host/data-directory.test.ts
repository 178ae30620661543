import { describe, expect, it } from 'vitest';
import { defaultDataDirectory } from './data-directory';

describe('defaultDataDirectory (Electron userData for "EC2 Lab")', () => {
  it('uses ~/.config on Linux', () => {
    expect(defaultDataDirectory({ platform: 'linux', env: {}, home: '/home/ana' })).toBe('/home/ana/.config/EC2 Lab');
  });

  it('honours an absolute XDG_CONFIG_HOME and ignores a relative one', () => {
    expect(defaultDataDirectory({ platform: 'linux', env: { XDG_CONFIG_HOME: '/xdg' }, home: '/home/ana' })).toBe(
      '/xdg/EC2 Lab',
    );
    expect(defaultDataDirectory({ platform: 'linux', env: { XDG_CONFIG_HOME: 'rel' }, home: '/home/ana' })).toBe(
      '/home/ana/.config/EC2 Lab',
    );
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDirectory({ platform: 'darwin', env: {}, home: '/Users/ana' })).toBe(
      '/Users/ana/Library/Application Support/EC2 Lab',
    );
  });

  it('uses %APPDATA% on Windows', () => {
    expect(
      defaultDataDirectory({
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' },
        home: 'C:\\Users\\ana',
      }),
    ).toBe('C:\\Users\\ana\\AppData\\Roaming\\EC2 Lab');
  });
});
