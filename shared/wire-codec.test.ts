/** The wire codec carries Dates and bytes through JSON in one tagged form each, and back. */
import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from './wire-codec';

describe('wire codec', () => {
  it('sends a Uint8Array as {"$bytes": base64} and brings it back as a Uint8Array', () => {
    const script = new TextEncoder().encode('#!/bin/bash\necho 안녕\n');
    const call = { input: { InstanceId: 'i-0123456789abcdef0', UserData: { Value: script } } };
    const text = encodeWire(call);
    expect(JSON.parse(text)).toEqual({
      input: { InstanceId: 'i-0123456789abcdef0', UserData: { Value: { $bytes: 'IyEvYmluL2Jhc2gKZWNobyDslYjrhZUK' } } },
    });
    const decoded = decodeWire(text) as typeof call;
    expect(decoded.input.UserData.Value).toBeInstanceOf(Uint8Array);
    expect(decoded).toEqual(call);
  });

  it('carries empty and large bytes, and a view into a larger buffer', () => {
    const large = Uint8Array.from({ length: 100_000 }, (_, index) => (index * 7) % 256);
    const values = [new Uint8Array(), large, new TextEncoder().encode('#!echo hi').subarray(2)];
    const decoded = decodeWire(encodeWire(values)) as Uint8Array[];
    expect(decoded.map((bytes) => [...bytes])).toEqual(values.map((bytes) => [...bytes]));
    for (const bytes of decoded) expect(bytes).toBeInstanceOf(Uint8Array);
  });

  it('still carries Dates as {"$date": ISO}', () => {
    const launchTime = new Date('2025-05-01T09:30:00.000Z');
    expect(encodeWire({ LaunchTime: launchTime })).toBe('{"LaunchTime":{"$date":"2025-05-01T09:30:00.000Z"}}');
    expect(decodeWire(encodeWire({ LaunchTime: launchTime }))).toEqual({ LaunchTime: launchTime });
  });

  it('leaves objects that only look tagged alone, and refuses bytes that are not base64', () => {
    expect(decodeWire('{"$bytes":"IyE=","Other":1}')).toEqual({ $bytes: 'IyE=', Other: 1 });
    expect(decodeWire('{"$bytes":5}')).toEqual({ $bytes: 5 });
    expect(() => decodeWire('{"$bytes":"not base64!"}')).toThrow();
  });

  it('revives tagged values at any depth and in lists, and keeps a "__proto__" member a member', () => {
    const at = new Date('2026-11-30T01:02:03.004Z');
    const value = {
      Reservations: [{ Instances: [{ LaunchTime: at, Tags: [] }, { LaunchTime: at }] }],
      at,
      list: [at, 1, null],
    };
    expect(decodeWire(encodeWire(value))).toEqual(value);
    expect(decodeWire('{"$date":"2026-11-30T01:02:03.004Z"}')).toEqual(at);
    const decoded = decodeWire('{"__proto__":{"$date":"2026-11-30T01:02:03.004Z"},"a":1}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(decoded, '__proto__')?.value).toEqual(at);
    expect(decoded.a).toBe(1);
  });

  it("encodes Node's Buffers as bytes too, and leaves Date, Uint8Array and Buffer as they were, even when encoding fails", () => {
    const dateToJSON = Object.getOwnPropertyDescriptor(Date.prototype, 'toJSON');
    const bufferToJSON = Object.getOwnPropertyDescriptor(Buffer.prototype, 'toJSON');
    expect(encodeWire({ key: Buffer.from('hi') })).toBe('{"key":{"$bytes":"aGk="}}');
    expect(() => encodeWire({ size: 1n })).toThrow(TypeError);
    expect(Object.getOwnPropertyDescriptor(Date.prototype, 'toJSON')).toEqual(dateToJSON);
    expect(Object.getOwnPropertyDescriptor(Buffer.prototype, 'toJSON')).toEqual(bufferToJSON);
    expect(Object.hasOwn(Uint8Array.prototype, 'toJSON')).toBe(false);
    expect(JSON.stringify({ at: new Date(0), bytes: Buffer.from('hi') })).toBe(
      '{"at":"1970-01-01T00:00:00.000Z","bytes":{"type":"Buffer","data":[104,105]}}',
    );
  });
});
