/**
 * The packaged app's Electron fuses, as electron-builder.yml sets them: each one the Electron
 * security checklist asks for (https://www.electronjs.org/docs/latest/tutorial/fuses). Reading a
 * packaged binary needs Electron's download, which this build machine cannot make.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

function fusesOf(yaml: string): Record<string, string> {
  const lines = yaml.split('\n');
  const start = lines.findIndex((line) => line.startsWith('electronFuses:'));
  const fuses: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    const match = /^ {2}(\w+): (\S+)$/.exec(line);
    if (!match) break;
    fuses[match[1]!] = match[2]!;
  }
  return fuses;
}

describe('the packaged app', () => {
  it('flips every fuse that keeps it from being turned into a general-purpose Node', () => {
    const fuses = fusesOf(readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8'));
    expect(fuses).toEqual({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });
});
