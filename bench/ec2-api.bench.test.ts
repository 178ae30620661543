/**
 * The EC2 API door under load, through the real @aws-sdk/client-ec2 and the real engine (in-memory
 * store): 1,000 RunInstances, then DescribeInstances over those 1,000 instances. Prints latency
 * (median, p95) and throughput with console.log.
 */
import { DescribeImagesCommand, DescribeInstancesCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessKeys } from '../electron/doors/ec2-api/access-keys';
import { startEc2ApiServer, type Ec2ApiServer } from '../electron/doors/ec2-api/ec2-api-server';
import { createEngine, type Engine } from '../electron/engine/engine';
import { MemoryStateStore } from '../electron/engine/state/state-store';

const INSTANCES = 1000;
const keys = createAccessKeys();
let engine: Engine;
let server: Ec2ApiServer;
let client: EC2Client;

interface Figures {
  count: number;
  medianMs: number;
  p95Ms: number;
  perSecond: number;
}

async function measure(count: number, call: (i: number) => Promise<unknown>, concurrency = 1): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await call(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { count, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), perSecond: round((count / elapsed) * 1000) };
}

const round = (n: number) => Math.round(n * 100) / 100;
const report = (name: string, figures: Figures) =>
  console.log(
    `${name.padEnd(58)} n=${figures.count}  median ${figures.medianMs} ms  p95 ${figures.p95Ms} ms  ${figures.perSecond} req/s`,
  );

beforeAll(async () => {
  engine = createEngine({ store: new MemoryStateStore() });
  server = await startEc2ApiServer({ engine, port: 0, credentials: keys });
  client = new EC2Client({ endpoint: `http://127.0.0.1:${server.port}`, region: 'ap-northeast-2', credentials: keys });
});
afterAll(async () => {
  client.destroy();
  await server.close();
  engine.close();
});

describe('EC2 API door benchmark', () => {
  it(`RunInstances ×${INSTANCES}, then DescribeInstances over ${INSTANCES} instances`, async () => {
    const { Images } = await client.send(
      new DescribeImagesCommand({ Filters: [{ Name: 'architecture', Values: ['x86_64'] }] }),
    );
    const ImageId = Images![0]!.ImageId!;
    const ids: string[] = [];

    report(
      'RunInstances (1 instance each, sequential)',
      await measure(INSTANCES, async (i) => {
        const { Instances } = await client.send(
          new RunInstancesCommand({
            ImageId,
            InstanceType: 't3.micro',
            MinCount: 1,
            MaxCount: 1,
            TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: `bench-${i}` }] }],
          }),
        );
        ids.push(Instances![0]!.InstanceId!);
      }),
    );
    expect(new Set(ids).size).toBe(INSTANCES);

    let listed = 0;
    report(
      `DescribeInstances, all ${INSTANCES} in one reply`,
      await measure(30, async () => {
        const { Reservations } = await client.send(new DescribeInstancesCommand({}));
        listed = Reservations!.reduce((n, r) => n + r.Instances!.length, 0);
      }),
    );
    expect(listed).toBe(INSTANCES);

    report(
      'DescribeInstances, MaxResults=100 (one page)',
      await measure(100, () => client.send(new DescribeInstancesCommand({ MaxResults: 100 }))),
    );
    report(
      'DescribeInstances, one InstanceId',
      await measure(500, (i) => client.send(new DescribeInstancesCommand({ InstanceIds: [ids[i % INSTANCES]!] }))),
    );
    report(
      'DescribeInstances, filter tag:Name (1 match)',
      await measure(200, (i) =>
        client.send(new DescribeInstancesCommand({ Filters: [{ Name: 'tag:Name', Values: [`bench-${i}`] }] })),
      ),
    );
    report(
      'DescribeInstances, one InstanceId, 8 concurrent clients',
      await measure(1000, (i) => client.send(new DescribeInstancesCommand({ InstanceIds: [ids[i % INSTANCES]!] })), 8),
    );
  });
});
