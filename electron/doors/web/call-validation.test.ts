/** Browser mode checks a call's EC2 input against AWS's model before the engine sees it. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiCall, ApiResult } from '../../../shared/api';
import { decodeWire, encodeWire } from '../../../shared/wire-codec';
import { createTestLab, TEST_REGION } from '../../engine/test-support/test-lab';
import type { DoorEngine } from '../door-engine';
import { startWebServer, type WebServer } from './server';

/** The run's access token, sent as a script sends it. */
const TOKEN = 'test-token-0123456789abcdef';

describe('browser mode: an EC2 input of the wrong shape', () => {
  let directory: string;
  let server: WebServer;
  const dispatched: ApiCall[] = [];

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'ec2lab-validate-'));
    writeFileSync(join(directory, 'index.html'), '<!doctype html><title>EC2 Lab</title>');
    const { engine } = createTestLab();
    const watched: DoorEngine = {
      dispatch: (call) => (dispatched.push(call), engine.dispatch(call)),
      onEvent: (listener) => engine.onEvent(listener),
    };
    server = await startWebServer({ engine: watched, port: 0, rendererDirectory: directory, token: TOKEN });
  });

  afterAll(async () => {
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const post = async (input: unknown) => {
    const call = { service: 'ec2', operation: 'DescribeInstances', region: TEST_REGION, input };
    const response = await fetch(`${server.url}api/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      body: encodeWire(call),
    });
    return { status: response.status, result: decodeWire(await response.text()) as ApiResult };
  };

  it('answers InvalidParameterValue for DescribeInstances with Filters: "x", not InternalError from the engine', async () => {
    expect(await post({ Filters: 'x' })).toEqual({
      status: 400,
      result: {
        ok: false,
        error: {
          code: 'InvalidParameterValue',
          message: "Value (x) for parameter Filters is invalid. Expected: 'list'.",
        },
      },
    });
    expect(dispatched).toEqual([]);
    // A well-formed call still reaches the real engine and answers.
    expect(await post({ Filters: [{ Name: 'instance-state-name', Values: ['running'] }] })).toEqual({
      status: 200,
      result: { ok: true, value: { Reservations: [] } },
    });
    expect(dispatched).toHaveLength(1);
  });
});

describe('browser mode: user data crosses as bytes', () => {
  it('reaches the engine as a Uint8Array, and base64 text typed as bytes is refused', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'ec2lab-bytes-'));
    const lab = createTestLab();
    const dispatched: ApiCall[] = [];
    const watched: DoorEngine = {
      dispatch: (call) => (dispatched.push(call), lab.engine.dispatch(call)),
      onEvent: (listener) => lab.engine.onEvent(listener),
    };
    const server = await startWebServer({ engine: watched, port: 0, rendererDirectory: directory, token: TOKEN });
    try {
      const id = lab.launch();
      lab.pass(10 * 60_000);
      lab.ec2('StopInstances', { InstanceIds: [id] });
      lab.pass(10 * 60_000);
      const script = '#!/bin/bash\necho 안녕\n';
      const modify = async (Value: unknown) => {
        const call = {
          service: 'ec2',
          operation: 'ModifyInstanceAttribute',
          region: TEST_REGION,
          input: { InstanceId: id, UserData: { Value } },
        };
        const response = await fetch(`${server.url}api/call`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
          body: encodeWire(call),
        });
        return { status: response.status, result: decodeWire(await response.text()) as ApiResult };
      };

      expect(await modify(new TextEncoder().encode(script))).toEqual({ status: 200, result: { ok: true, value: {} } });
      const [call] = dispatched;
      expect(
        call?.service === 'ec2' && call.operation === 'ModifyInstanceAttribute' && call.input.UserData?.Value,
      ).toEqual(new TextEncoder().encode(script));
      expect(lab.ec2('DescribeInstanceAttribute', { InstanceId: id, Attribute: 'userData' }).UserData).toEqual({
        Value: Buffer.from(script).toString('base64'),
      });

      expect(await modify(Buffer.from('echo again').toString('base64'))).toMatchObject({
        status: 400,
        result: { ok: false, error: { code: 'InvalidParameterValue' } },
      });
      expect(dispatched).toHaveLength(1);
    } finally {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
