/**
 * The door driven by the real @aws-sdk/client-ec2 against the real engine: what a learner's script
 * does. Lab time moves only through AdvanceClock; nothing sleeps.
 */
import {
  CreateTagsCommand,
  DeleteTagsCommand,
  DescribeAvailabilityZonesCommand,
  DescribeImagesCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstancesCommand,
  DescribeInstanceTypesCommand,
  DescribePlacementGroupsCommand,
  DescribeRegionsCommand,
  DescribeTagsCommand,
  ModifyInstanceAttributeCommand,
  RebootInstancesCommand,
  RunInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  type Instance,
} from '@aws-sdk/client-ec2';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createAccessKeys } from './access-keys';
import { parseErrorEnvelope, sendRaw } from './test-support/raw-http';
import { sdkErrorOf as errorOf, useSdkLab } from './test-support/sdk-lab';

const lab = useSdkLab();
const { client, advance } = lab;
const seoul = () => client('ap-northeast-2');

async function imageId(region: string): Promise<string> {
  const { Images } = await client(region).send(
    new DescribeImagesCommand({ Filters: [{ Name: 'architecture', Values: ['x86_64'] }] }),
  );
  expect(Images!.length).toBeGreaterThan(0);
  return Images![0]!.ImageId!;
}

async function launch(count: number, name: string, region = 'ap-northeast-2'): Promise<Instance[]> {
  const reservation = await client(region).send(
    new RunInstancesCommand({
      ImageId: await imageId(region),
      InstanceType: 't3.micro',
      MinCount: count,
      MaxCount: count,
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: name }] }],
    }),
  );
  return reservation.Instances!;
}

async function stateOf(instanceId: string): Promise<string | undefined> {
  const { Reservations } = await seoul().send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
  return Reservations![0]!.Instances![0]!.State!.Name;
}

function rawSocket(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let reply = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    socket.on('data', (chunk) => (reply += chunk.toString()));
    socket.on('end', () => resolve(reply));
    socket.on('error', reject);
  });
}

describe('the EC2 API door, driven by @aws-sdk/client-ec2', () => {
  it('refuses a Spot request clearly instead of launching an on-demand instance', async () => {
    const refused = await errorOf(
      seoul().send(
        new RunInstancesCommand({
          ImageId: await imageId('ap-northeast-2'),
          InstanceType: 't3.micro',
          MinCount: 1,
          MaxCount: 1,
          InstanceMarketOptions: { MarketType: 'spot' },
        }),
      ),
    );
    expect(refused).toMatchObject({ name: 'UnsupportedOperation', status: 400 });
    expect(refused.message).toContain('EC2 Lab does not simulate InstanceMarketOptions of RunInstances yet');
  });

  it('refuses a Mac instance without a Dedicated Host, and a new type for an instance enabled for hibernation', async () => {
    const { Images } = await client('us-east-1').send(
      new DescribeImagesCommand({ Filters: [{ Name: 'architecture', Values: ['x86_64_mac'] }] }),
    );
    const mac = await errorOf(
      client('us-east-1').send(
        new RunInstancesCommand({ ImageId: Images![0]!.ImageId, InstanceType: 'mac1.metal', MinCount: 1, MaxCount: 1 }),
      ),
    );
    expect(mac).toMatchObject({ name: 'Unsupported', status: 400 });
    expect(mac.message).toContain("'mac1.metal' can only be launched onto a Dedicated Host");

    const [instance] = (
      await seoul().send(
        new RunInstancesCommand({
          ImageId: await imageId('ap-northeast-2'),
          InstanceType: 't3.micro',
          MinCount: 1,
          MaxCount: 1,
          HibernationOptions: { Configured: true },
          BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 10, Encrypted: true } }],
        }),
      )
    ).Instances!;
    const id = instance!.InstanceId!;
    advance(60_000);
    await seoul().send(new StopInstancesCommand({ InstanceIds: [id] }));
    advance(120_000);
    const refused = await errorOf(
      seoul().send(new ModifyInstanceAttributeCommand({ InstanceId: id, InstanceType: { Value: 't3.small' } })),
    );
    expect(refused).toMatchObject({ name: 'UnsupportedOperation', status: 400 });
    expect(refused.message).toContain(
      "You can't change the instance type or size of an instance enabled for hibernation.",
    );
  });

  it('launches once per ClientToken: a retry gets the same reservation, other parameters IdempotentParameterMismatch', async () => {
    const input = {
      ImageId: await imageId('ap-northeast-2'),
      InstanceType: 't3.micro' as const,
      MinCount: 1,
      MaxCount: 1,
      ClientToken: 'sdk-retry-0001',
    };
    const first = await seoul().send(new RunInstancesCommand(input));
    const retry = await seoul().send(new RunInstancesCommand(input));
    expect(retry.ReservationId).toBe(first.ReservationId);
    expect(retry.Instances!.map((i) => i.InstanceId)).toEqual(first.Instances!.map((i) => i.InstanceId));
    const { Reservations } = await seoul().send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'client-token', Values: ['sdk-retry-0001'] }] }),
    );
    expect(Reservations!.flatMap((r) => r.Instances!)).toHaveLength(1);
    const mismatch = await errorOf(seoul().send(new RunInstancesCommand({ ...input, InstanceType: 't3.small' })));
    expect(mismatch).toMatchObject({ name: 'IdempotentParameterMismatch', status: 400 });
  });

  it('describes the catalog: regions, zones, instance types, images', async () => {
    const { Regions } = await seoul().send(new DescribeRegionsCommand({}));
    expect(Regions!.map((r) => r.RegionName)).toEqual(expect.arrayContaining(['ap-northeast-2', 'us-east-1']));
    const { AvailabilityZones } = await seoul().send(new DescribeAvailabilityZonesCommand({}));
    expect(AvailabilityZones!.length).toBeGreaterThan(1);
    for (const zone of AvailabilityZones!) expect(zone.ZoneName).toMatch(/^ap-northeast-2[a-z]$/);
    const { InstanceTypes } = await seoul().send(new DescribeInstanceTypesCommand({ InstanceTypes: ['t3.micro'] }));
    expect(InstanceTypes).toHaveLength(1);
    expect(InstanceTypes![0]).toMatchObject({
      InstanceType: 't3.micro',
      VCpuInfo: { DefaultVCpus: 2 },
      MemoryInfo: { SizeInMiB: 1024 },
    });
    expect(await imageId('ap-northeast-2')).toMatch(/^ami-[0-9a-f]+$/);
  });

  it('runs, describes with filters, stops, starts, reboots and terminates instances on the lab clock', async () => {
    const launched = await launch(2, 'lifecycle');
    expect(launched).toHaveLength(2);
    const [first, second] = launched as [Instance, Instance];
    expect(first.InstanceId).toMatch(/^i-[0-9a-f]{17}$/);
    expect(first.State).toEqual({ Code: 0, Name: 'pending' });
    expect(first.LaunchTime).toBeInstanceOf(Date);

    const byFilter = await seoul().send(
      new DescribeInstancesCommand({
        Filters: [
          { Name: 'tag:Name', Values: ['lifecycle'] },
          { Name: 'instance-state-name', Values: ['pending'] },
        ],
      }),
    );
    const found = byFilter.Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId));
    expect(found.sort()).toEqual([first.InstanceId, second.InstanceId].sort());

    advance(60_000);
    expect(await stateOf(first.InstanceId!)).toBe('running');

    const stopped = await seoul().send(new StopInstancesCommand({ InstanceIds: [first.InstanceId!] }));
    expect(stopped.StoppingInstances![0]).toMatchObject({
      InstanceId: first.InstanceId,
      PreviousState: { Code: 16, Name: 'running' },
      CurrentState: { Code: 64, Name: 'stopping' },
    });
    advance(120_000);
    expect(await stateOf(first.InstanceId!)).toBe('stopped');

    const started = await seoul().send(new StartInstancesCommand({ InstanceIds: [first.InstanceId!] }));
    expect(started.StartingInstances![0]!.CurrentState!.Name).toBe('pending');
    advance(60_000);
    expect(await stateOf(first.InstanceId!)).toBe('running');

    const rebooted = await seoul().send(new RebootInstancesCommand({ InstanceIds: [first.InstanceId!] }));
    expect(rebooted.$metadata.httpStatusCode).toBe(200);
    expect(await stateOf(first.InstanceId!)).toBe('running');

    const terminated = await seoul().send(
      new TerminateInstancesCommand({ InstanceIds: [first.InstanceId!, second.InstanceId!] }),
    );
    expect(terminated.TerminatingInstances!.map((t) => t.CurrentState!.Name)).toEqual([
      'shutting-down',
      'shutting-down',
    ]);
    advance(120_000);
    expect(await stateOf(first.InstanceId!)).toBe('terminated');
  });

  it('modifies attributes: protection, and user data the SDK base64-encodes for the wire', async () => {
    const [instance] = await launch(1, 'attributes');
    const id = instance!.InstanceId!;
    await seoul().send(new ModifyInstanceAttributeCommand({ InstanceId: id, DisableApiTermination: { Value: true } }));
    const protectedNow = await seoul().send(
      new DescribeInstanceAttributeCommand({ InstanceId: id, Attribute: 'disableApiTermination' }),
    );
    expect(protectedNow.DisableApiTermination).toEqual({ Value: true });
    expect(await errorOf(seoul().send(new TerminateInstancesCommand({ InstanceIds: [id] })))).toMatchObject({
      name: 'OperationNotPermitted',
    });

    advance(60_000);
    await seoul().send(new StopInstancesCommand({ InstanceIds: [id] }));
    advance(60_000);
    const script = '#!/bin/bash\nyum install -y httpd\n';
    await seoul().send(
      new ModifyInstanceAttributeCommand({ InstanceId: id, UserData: { Value: new TextEncoder().encode(script) } }),
    );
    const userData = await seoul().send(
      new DescribeInstanceAttributeCommand({ InstanceId: id, Attribute: 'userData' }),
    );
    expect(Buffer.from(userData.UserData!.Value!, 'base64').toString()).toBe(script);
  });

  it('pages DescribeInstances with MaxResults and NextToken', async () => {
    const launched = (await launch(7, 'paged')).map((i) => i.InstanceId!);
    const seen: string[] = [];
    let NextToken: string | undefined;
    let pages = 0;
    do {
      const page = await seoul().send(
        new DescribeInstancesCommand({ Filters: [{ Name: 'tag:Name', Values: ['paged'] }], MaxResults: 5, NextToken }),
      );
      seen.push(...page.Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId!)));
      NextToken = page.NextToken;
      pages++;
    } while (NextToken);
    expect(pages).toBe(2);
    expect(seen.sort()).toEqual(launched.sort());
  });

  it('creates, describes and deletes tags', async () => {
    const [instance] = await launch(1, 'tagged');
    const id = instance!.InstanceId!;
    await seoul().send(
      new CreateTagsCommand({
        Resources: [id],
        Tags: [
          { Key: 'team', Value: 'blue & <green>' },
          { Key: 'env', Value: 'dev' },
        ],
      }),
    );
    const described = await seoul().send(new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [id] }] }));
    expect(described.Tags!.map((t) => [t.Key, t.Value, t.ResourceType]).sort()).toEqual([
      ['Name', 'tagged', 'instance'],
      ['env', 'dev', 'instance'],
      ['team', 'blue & <green>', 'instance'],
    ]);
    await seoul().send(new DeleteTagsCommand({ Resources: [id], Tags: [{ Key: 'team' }] }));
    const after = await seoul().send(new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [id] }] }));
    expect(after.Tags!.map((t) => t.Key).sort()).toEqual(['Name', 'env']);
  });

  it('keeps each region apart: an instance made in us-east-1 is not listed in ap-northeast-2', async () => {
    const [virginia] = await launch(1, 'virginia', 'us-east-1');
    const inSeoul = await seoul().send(new DescribeInstancesCommand({}));
    expect(inSeoul.Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId))).not.toContain(
      virginia!.InstanceId,
    );
    const inVirginia = await client('us-east-1').send(
      new DescribeInstancesCommand({ InstanceIds: [virginia!.InstanceId!] }),
    );
    expect(inVirginia.Reservations![0]!.Instances![0]!.Placement!.AvailabilityZone).toMatch(/^us-east-1[a-z]$/);
  });

  it("hands EC2's errors to the SDK as the right exception names and messages", async () => {
    expect(await errorOf(seoul().send(new DescribeInstancesCommand({ InstanceIds: ['i-0123456789abcdef0'] })))).toEqual(
      {
        name: 'InvalidInstanceID.NotFound',
        message: "The instance ID 'i-0123456789abcdef0' does not exist",
        status: 400,
      },
    );
    expect(await errorOf(seoul().send(new StopInstancesCommand({ InstanceIds: ['web-server'] })))).toEqual({
      name: 'InvalidInstanceID.Malformed',
      message: 'Invalid id: "web-server" (expecting "i-...")',
      status: 400,
    });
    const [pending] = await launch(1, 'too-early');
    const early = await errorOf(seoul().send(new StopInstancesCommand({ InstanceIds: [pending!.InstanceId!] })));
    expect(early).toMatchObject({ name: 'IncorrectInstanceState', status: 400 });
    expect(early.message).toContain(pending!.InstanceId!);
    const missing = await errorOf(
      seoul().send(new RunInstancesCommand({ ImageId: 'ami-0123456789abcdef0', MaxCount: 1 } as never)),
    );
    expect(missing).toEqual({
      name: 'MissingParameter',
      message: 'The request must contain the parameter MinCount',
      status: 400,
    });
    expect(
      await errorOf(seoul().send(new StopInstancesCommand({ InstanceIds: [pending!.InstanceId!], DryRun: true }))),
    ).toMatchObject({ name: 'IncorrectInstanceState', status: 400 });
    expect(
      await errorOf(seoul().send(new RebootInstancesCommand({ InstanceIds: [pending!.InstanceId!], DryRun: true }))),
    ).toMatchObject({
      name: 'IncorrectInstanceState',
    });
    expect(
      await errorOf(seoul().send(new TerminateInstancesCommand({ InstanceIds: [pending!.InstanceId!], DryRun: true }))),
    ).toEqual({
      name: 'DryRunOperation',
      message: 'Request would have succeeded, but DryRun flag is set.',
      status: 412,
    });
    expect(await errorOf(seoul().send(new DescribePlacementGroupsCommand({})))).toEqual({
      name: 'InvalidAction',
      message: 'The action DescribePlacementGroups is not implemented by EC2 Lab yet.',
      status: 400,
    });
  });

  it('refuses a wrong secret, an unknown key and an unknown region', async () => {
    const wrongSecret = client('ap-northeast-2', { ...lab.keys, secretAccessKey: createAccessKeys().secretAccessKey });
    expect(await errorOf(wrongSecret.send(new DescribeRegionsCommand({})))).toMatchObject({
      name: 'SignatureDoesNotMatch',
      status: 403,
    });
    expect(await errorOf(client('ap-northeast-2', createAccessKeys()).send(new DescribeRegionsCommand({})))).toEqual({
      name: 'AuthFailure',
      message: 'AWS was not able to validate the provided access credentials',
      status: 401,
    });
    expect(await errorOf(client('xx-nowhere-1').send(new DescribeInstancesCommand({})))).toMatchObject({
      name: 'InvalidRegion',
      status: 400,
    });
  });

  it('refuses a foreign Host, a browser Origin and an oversized body, in EC2 error envelopes', async () => {
    const foreign = await sendRaw({ port: lab.server.port, headers: { host: 'evil.example.com' }, body: 'Action=X' });
    expect(foreign.status).toBe(403);
    expect(parseErrorEnvelope(foreign.body)).toMatchObject({ code: 'AuthFailure' });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();

    const fromPage = await sendRaw({
      port: lab.server.port,
      headers: { host: `127.0.0.1:${lab.server.port}`, origin: 'https://example.com' },
      body: 'Action=DescribeRegions&Version=2016-11-15',
    });
    expect(fromPage.status).toBe(403);
    expect(parseErrorEnvelope(fromPage.body)?.code).toBe('AuthFailure');

    const huge = await sendRaw({
      port: lab.server.port,
      headers: { host: 'localhost' },
      body: 'a'.repeat(2 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
    expect(parseErrorEnvelope(huge.body)?.code).toBe('RequestEntityTooLarge');

    const longUrl = await sendRaw({ port: lab.server.port, method: 'GET', path: `/?Action=${'x'.repeat(20_000)}` });
    expect(longUrl.status).toBe(431);
    expect(parseErrorEnvelope(longUrl.body)?.code).toBe('RequestHeaderSectionTooLarge');
    const garbage = await rawSocket(lab.server.port, 'HELLO WORLD\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(parseErrorEnvelope(garbage.slice(garbage.indexOf('\r\n\r\n') + 4))?.code).toBe('MalformedHttpRequest');
  });
});
