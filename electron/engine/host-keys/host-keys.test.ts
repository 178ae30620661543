import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MemoryStateStore } from '../state/state-store';
import { createTestLab } from '../test-support/test-lab';

describe('instance host keys', () => {
  it('are made once per instance and stay the same after a restart of the lab and a stop/start', () => {
    let lab = createTestLab();
    const first = lab.launch();
    const second = lab.launch();
    const key = lab.engine.hostKeys.of(first)!;
    expect(key.publicKey).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43}$/);
    expect(key.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(lab.engine.hostKeys.of(first)).toEqual(key);
    expect(lab.engine.hostKeys.of(second)!.fingerprint).not.toBe(key.fingerprint);
    lab = lab.reopen();
    expect(lab.engine.hostKeys.of(first)).toEqual(key);
    lab.pass(60_000);
    lab.ec2('StopInstances', { InstanceIds: [first] });
    lab.pass(120_000);
    lab.ec2('StartInstances', { InstanceIds: [first] });
    lab.pass(120_000);
    expect(lab.engine.hostKeys.of(first)!.fingerprint).toBe(key.fingerprint);
  });

  it('carry a private key whose public half is the one announced', () => {
    const lab = createTestLab();
    const key = lab.engine.hostKeys.of(lab.launch())!;
    // Node reads no OpenSSH private key file; the public half inside it must be the announced one.
    const body = Buffer.from(key.privateKey.split('\n').slice(1, -1).join(''), 'base64');
    const announced = Buffer.from(key.publicKey.split(' ')[1]!, 'base64');
    expect(body.includes(announced)).toBe(true);
    const raw = announced.subarray(announced.length - 32);
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]);
    expect(createPublicKey({ key: spki, format: 'der', type: 'spki' }).asymmetricKeyType).toBe('ed25519');
    expect(() => createPrivateKey(key.privateKey)).toThrow();
  });

  it('go with the lab file and with the terminated instance', () => {
    const lab = createTestLab();
    const id = lab.launch();
    const key = lab.engine.hostKeys.of(id)!;
    const exported = lab.lab('ExportLab', {}).content;
    expect(exported).toContain('host-keys');
    const other = createTestLab({ seed: 7 });
    other.lab('ImportLab', { content: exported });
    expect(other.engine.hostKeys.of(id)).toEqual(key);
    lab.ec2('TerminateInstances', { InstanceIds: [id] });
    lab.pass(60_000);
    expect(lab.engine.hostKeys.of(id)).toBeUndefined();
    expect(lab.lab('ExportLab', {}).content).not.toContain(key.publicKey.split(' ')[1]!.slice(0, 40));
  });

  it('of a launch burst are made in one transaction, each the key asked for one at a time', () => {
    const lab = createTestLab();
    const ids = [lab.launch(), lab.launch(), lab.launch()];
    const store = lab.store as MemoryStateStore;
    const before = store.commits;
    const keys = lab.engine.hostKeys.ofEach([...ids, 'i-0000000000000dead']);
    expect(store.commits).toBe(before + 1);
    expect([...keys.keys()]).toEqual(ids);
    expect(new Set(ids.map((id) => keys.get(id)!.fingerprint)).size).toBe(3);
    // Asked again, one at a time, nothing is made or written: the keys are read as saved.
    for (const id of ids) expect(lab.engine.hostKeys.of(id)).toEqual(keys.get(id));
    expect(store.commits).toBe(before + 1);
    expect(lab.engine.hostKeys.ofEach(ids).get(ids[1]!)!.privateKey).toBe(keys.get(ids[1]!)!.privateKey);
  });
});
