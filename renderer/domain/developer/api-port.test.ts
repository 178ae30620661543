import { describe, expect, it } from 'vitest';
import { checkApiPort, portOfEndpoint } from './api-port';

describe('EC2 API port setting', () => {
  it('takes whole numbers from 1024 to 65535', () => {
    expect(checkApiPort('4567')).toEqual({ port: 4567 });
    expect(checkApiPort(' 1024 ')).toEqual({ port: 1024 });
    expect(checkApiPort('65535')).toEqual({ port: 65535 });
    expect(checkApiPort('1023')).toEqual({ error: 'cliAccess.port.outOfRange' });
    expect(checkApiPort('65536')).toEqual({ error: 'cliAccess.port.outOfRange' });
    expect(checkApiPort('0')).toEqual({ error: 'cliAccess.port.outOfRange' });
  });

  it('refuses what is not a whole number', () => {
    for (const text of ['', '  ', '4566.5', '-4566', '4e3', 'abc', '0x11d6']) {
      expect(checkApiPort(text), text).toEqual({ error: 'cliAccess.port.notWhole' });
    }
  });

  it('reads the port of an endpoint', () => {
    expect(portOfEndpoint('http://127.0.0.1:4566/')).toBe(4566);
    expect(portOfEndpoint('http://127.0.0.1:8123')).toBe(8123);
    expect(portOfEndpoint('http://127.0.0.1/')).toBeUndefined();
    expect(portOfEndpoint(undefined)).toBeUndefined();
  });
});
