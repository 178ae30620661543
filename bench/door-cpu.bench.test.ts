/**
 * The EC2 API door's own CPU per request, without HTTP: a signed request through the handler
 * (SigV4, parameters, the engine, the activity log, EC2's XML) against the real engine of 1,000
 * instances, the log saved as browser mode saves it (every 250 ms). This is what the lab adds to a
 * bare server's work per request, so it bounds the concurrent-clients figure: a share of the ceiling
 * of about bare / (bare + this).
 */
import { it } from 'vitest';
import { createAccessKeys } from '../electron/doors/ec2-api/access-keys';
import { createEc2ApiHandler } from '../electron/doors/ec2-api/ec2-api-handler';
import { verifySigV4 } from '../electron/doors/ec2-api/sigv4-verifier';
import { signRequest } from '../electron/doors/ec2-api/test-support/sign-request';
import { createEngine } from '../electron/engine/engine';
import { nodeKeyMaker } from '../electron/engine/state/node-key-maker';
import { MemoryStateStore } from '../electron/engine/state/state-store';
import { quickStartImage } from '../electron/engine/test-support/test-lab';
import { info, record } from './verdict';

/** CPU time (user + system, µs) per call of `call`, after a warm-up. */
function cpuMicrosecondsPer(count: number, call: (index: number) => void): number {
  for (let index = 0; index < 2000; index++) call(index);
  const start = process.cpuUsage();
  for (let index = 0; index < count; index++) call(index);
  const used = process.cpuUsage(start);
  return Math.round(((used.user + used.system) / count) * 10) / 10;
}

it('EC2 API door: CPU per request, without HTTP', async () => {
  const keys = createAccessKeys();
  const engine = createEngine({ store: new MemoryStateStore(), keyMaker: nodeKeyMaker });
  const launched = engine.dispatch({
    service: 'ec2',
    operation: 'RunInstances',
    region: 'ap-northeast-2',
    input: { ImageId: quickStartImage('amazon-linux'), MinCount: 1000, MaxCount: 1000 },
  });
  if (!launched.ok) throw new Error(launched.error.message);
  const id = (launched.value as { Instances: { InstanceId: string }[] }).Instances[500]!.InstanceId;
  const handler = createEc2ApiHandler({ engine, credentials: () => keys });
  const signed = (body: string) =>
    signRequest({
      method: 'POST',
      path: '/',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', 'user-agent': 'aws-sdk-js/3' },
      keys,
    });
  const describe = await signed(`Action=DescribeInstances&Version=2016-11-15&InstanceId.1=${id}`);
  const tag = await signed(`Action=CreateTags&Version=2016-11-15&ResourceId.1=${id}&Tag.1.Key=team&Tag.1.Value=blue`);
  if (handler(describe).status !== 200 || handler(tag).status !== 200) throw new Error('the door refused the bench');
  // Browser mode ticks every 250 ms; at these rates that is one tick per few hundred calls.
  const withTicks = (request: typeof describe) => (index: number) => {
    if (index % 500 === 0) engine.tick();
    handler(request);
  };
  record(
    info('door CPU per DescribeInstances by id (no HTTP)', cpuMicrosecondsPer(20_000, withTicks(describe)), 'µs'),
    info(
      '  … of which SigV4',
      cpuMicrosecondsPer(20_000, () => verifySigV4(describe, keys, Date.now())),
      'µs',
    ),
    info('door CPU per CreateTags (no HTTP, in-memory store)', cpuMicrosecondsPer(5_000, withTicks(tag)), 'µs'),
  );
  engine.close();
});
