import { describe, expect, it } from 'vitest';
import { ArgsError, parseWebArgs } from './args';

describe('parseWebArgs', () => {
  it('defaults to a free port and the per-user data directory', () => {
    expect(parseWebArgs([])).toEqual({ port: 0, help: false });
  });

  it('reads --port, --data-dir and --api-port, with a space or an equals sign', () => {
    expect(parseWebArgs(['--port', '8123', '--data-dir', '/tmp/lab', '--api-port=4566'])).toEqual({
      port: 8123,
      dataDirectory: '/tmp/lab',
      apiPort: 4566,
      help: false,
    });
    expect(parseWebArgs(['--port=0']).port).toBe(0);
  });

  it.each([
    [['--port']],
    [['--port', 'eighty']],
    [['--port', '70000']],
    [['--port', '-1']],
    [['--data-dir']],
    [['--data-dir', '--port', '1']],
    [['--verbose']],
  ])('refuses %j with a clear message', (argv) => {
    expect(() => parseWebArgs(argv)).toThrow(ArgsError);
  });
});
