/** The SSH door's targets follow the lab: launches, state changes, terminations, addresses, a replaced lab. */
import { afterEach, expect, it } from 'vitest';
import { createTestLab, quickStartImage, type TestLab } from '../engine/test-support/test-lab';
import { createShellPort, type ShellPort } from './shell-port';
import { createShells, type Shells } from './shells';
import { inProcessWorkerPort } from './worker/in-process-worker-port';

let shells: Shells | undefined;
afterEach(() => shells?.close());

function portOnLab(): { lab: TestLab; port: ShellPort } {
  const lab = createTestLab();
  shells = createShells({ engine: lab.engine, startWorker: inProcessWorkerPort });
  return { lab, port: createShellPort(shells) };
}

const summary = (port: ShellPort) =>
  port.targets().map((t) => ({ id: t.instanceId, region: t.region, state: t.state, publicIp: t.publicIp }));

it('follows launches, state changes and terminations in every region, in launch order', () => {
  const { lab, port } = portOnLab();
  expect(port.targets()).toEqual([]);
  const first = lab.launch();
  const second = lab.launch();
  expect(summary(port).map((t) => [t.id, t.state])).toEqual([
    [first, 'pending'],
    [second, 'pending'],
  ]);
  lab.pass(60_000);
  expect(summary(port).map((t) => t.state)).toEqual(['running', 'running']);
  lab.ec2('StopInstances', { InstanceIds: [first] });
  const elsewhere = lab.launch({ ImageId: quickStartImage('amazon-linux', 'x86_64', 'us-east-1') }, 'us-east-1');
  // Region by region (the order DescribeRegions gives), each in launch order.
  expect(summary(port)).toEqual([
    { id: elsewhere, region: 'us-east-1', state: 'pending', publicIp: expect.any(String) },
    { id: first, region: 'ap-northeast-2', state: 'stopping', publicIp: expect.any(String) },
    { id: second, region: 'ap-northeast-2', state: 'running', publicIp: expect.any(String) },
  ]);
  lab.ec2('TerminateInstances', { InstanceIds: [second] });
  expect(summary(port)[2]).toMatchObject({ id: second, state: 'shutting-down' });
  lab.pass(60_000);
  expect(summary(port).map((t) => [t.id, t.state])).toEqual([
    [elsewhere, 'running'],
    [first, 'stopped'],
  ]);
});

it('reads an Elastic IP association and a replaced lab', async () => {
  const { lab, port } = portOnLab();
  const id = lab.launch();
  lab.pass(60_000);
  const before = port.targets()[0]!.publicIp;
  const { AllocationId, PublicIp } = lab.ec2('AllocateAddress', { Domain: 'vpc' });
  lab.ec2('AssociateAddress', { AllocationId, InstanceId: id });
  expect(PublicIp).not.toBe(before);
  expect(port.targets()[0]!.publicIp).toBe(PublicIp);
  lab.lab('ResetLab', {});
  await Promise.resolve(); // the engine announces a replaced lab once the call has returned
  expect(port.targets()).toEqual([]);
});

it('reads again what the clock moved on while it was reading (the read catches up with the clock itself)', () => {
  const { lab, port } = portOnLab();
  const tagged = lab.launch();
  const other = lab.launch();
  expect(summary(port).map((t) => t.state)).toEqual(['pending', 'pending']);
  lab.ec2('CreateTags', { Resources: [tagged], Tags: [{ Key: 'Name', Value: 'web' }] });
  // Both are due to be running, but nothing has told the engine yet: reading the tagged instance
  // catches up with the clock, and the other one changes in the middle of that read.
  lab.pass(60_000, { tick: false });
  expect(summary(port).map((t) => [t.id, t.state])).toEqual([
    [tagged, 'running'],
    [other, 'pending'],
  ]);
  expect(summary(port).map((t) => [t.id, t.state])).toEqual([
    [tagged, 'running'],
    [other, 'running'],
  ]);
});
