import { describe, expect, it, vi } from 'vitest';
import { startExtraServers, type LabServerContext, type LabServerStarter } from './extra-servers';

const context = (log = vi.fn()): LabServerContext => ({
  engine: { dispatch: () => ({ ok: true, value: {} }), onEvent: () => () => {} },
  dataDirectory: '/tmp/lab',
  apiPort: 4566,
  log,
});

describe('startExtraServers', () => {
  it('starts every server with the context, skips one that declines, and logs one that fails', async () => {
    const log = vi.fn();
    const close = vi.fn(async () => {});
    const api: LabServerStarter = async ({ apiPort }) => ({
      name: 'ec2-api',
      url: `http://127.0.0.1:${apiPort}/`,
      close,
    });
    const declines: LabServerStarter = async () => undefined;
    const fails: LabServerStarter = async () => {
      throw new Error('port 4566 is in use');
    };
    const running = await startExtraServers(context(log), [fails, declines, api]);
    expect(running.map((server) => server.url)).toEqual(['http://127.0.0.1:4566/']);
    expect(log).toHaveBeenCalledWith('EC2 Lab: a server failed to start: port 4566 is in use');
  });
});
