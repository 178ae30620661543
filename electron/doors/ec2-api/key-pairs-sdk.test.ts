/**
 * Key pairs through the EC2 API door, driven by the real @aws-sdk/client-ec2 as a learner's script
 * drives them: create (pem and ppk, RSA and ED25519), import, describe with filters and the public
 * key, delete by name and id, and launching with a KeyName. The engine makes real keys.
 */
import {
  CreateKeyPairCommand,
  DeleteKeyPairCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeKeyPairsCommand,
  ImportKeyPairCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { sdkErrorOf as errorOf, useSdkLab } from './test-support/sdk-lab';

const lab = useSdkLab();
const { client } = lab;

describe('key pairs through the EC2 API door, driven by @aws-sdk/client-ec2', () => {
  it('creates RSA and ED25519 key pairs in pem and ppk, each private key answered once', async () => {
    const rsa = await client().send(new CreateKeyPairCommand({ KeyName: 'sdk-rsa' }));
    expect(rsa.KeyPairId).toMatch(/^key-[0-9a-f]{17}$/);
    expect(rsa.KeyFingerprint).toMatch(/^([0-9a-f]{2}:){19}[0-9a-f]{2}$/);
    expect(rsa.KeyMaterial).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    const ed = await client().send(
      new CreateKeyPairCommand({
        KeyName: 'sdk-ed',
        KeyType: 'ed25519',
        KeyFormat: 'ppk',
        TagSpecifications: [{ ResourceType: 'key-pair', Tags: [{ Key: 'Name', Value: 'laptop' }] }],
      }),
    );
    expect(ed.KeyMaterial).toMatch(/^PuTTY-User-Key-File-2: ssh-ed25519\nEncryption: none\nComment: sdk-ed\n/);
    expect(ed.KeyFingerprint).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(ed.Tags).toEqual([{ Key: 'Name', Value: 'laptop' }]);

    expect(await errorOf(client().send(new CreateKeyPairCommand({ KeyName: 'sdk-rsa' })))).toEqual({
      name: 'InvalidKeyPair.Duplicate',
      message: "The keypair 'sdk-rsa' already exists.",
      status: 400,
    });
    expect(await errorOf(client().send(new CreateKeyPairCommand({ KeyName: 'dry', DryRun: true })))).toMatchObject({
      name: 'DryRunOperation',
    });

    const { KeyPairs } = await client().send(
      new DescribeKeyPairsCommand({ KeyNames: ['sdk-ed'], IncludePublicKey: true }),
    );
    expect(KeyPairs).toEqual([
      {
        KeyPairId: ed.KeyPairId,
        KeyFingerprint: ed.KeyFingerprint,
        KeyName: 'sdk-ed',
        KeyType: 'ed25519',
        Tags: [{ Key: 'Name', Value: 'laptop' }],
        PublicKey: expect.stringMatching(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]+ sdk-ed$/),
        CreateTime: expect.any(Date),
      },
    ]);
  });

  it('imports a public key, describes by id and filter, and refuses one that is not a key', async () => {
    const { KeyPairs } = await client().send(
      new DescribeKeyPairsCommand({ KeyNames: ['sdk-ed'], IncludePublicKey: true }),
    );
    const line = KeyPairs![0]!.PublicKey!;
    const imported = await client().send(
      new ImportKeyPairCommand({ KeyName: 'sdk-imported', PublicKeyMaterial: new TextEncoder().encode(line) }),
    );
    expect(imported.KeyFingerprint).toBe(KeyPairs![0]!.KeyFingerprint);
    const byId = await client().send(new DescribeKeyPairsCommand({ KeyPairIds: [imported.KeyPairId!] }));
    expect(byId.KeyPairs!.map((k) => k.KeyName)).toEqual(['sdk-imported']);
    expect(byId.KeyPairs![0]!.PublicKey).toBeUndefined();
    const rsaOnly = await client().send(
      new DescribeKeyPairsCommand({ Filters: [{ Name: 'key-type', Values: ['rsa'] }] }),
    );
    expect(rsaOnly.KeyPairs!.map((k) => k.KeyName)).toEqual(['sdk-rsa']);
    expect(
      await errorOf(
        client().send(
          new ImportKeyPairCommand({ KeyName: 'junk', PublicKeyMaterial: new TextEncoder().encode('junk') }),
        ),
      ),
    ).toEqual({ name: 'InvalidKey.Format', message: 'Key is not in valid OpenSSH public key format', status: 400 });
    expect(await errorOf(client().send(new DescribeKeyPairsCommand({ KeyNames: ['nobody'] })))).toEqual({
      name: 'InvalidKeyPair.NotFound',
      message: "The key pair 'nobody' does not exist",
      status: 400,
    });
    // Key pairs are regional.
    expect((await client('us-east-1').send(new DescribeKeyPairsCommand({}))).KeyPairs).toEqual([]);
  });

  it('launches with a KeyName of the region and shows it on the instance', async () => {
    const { Images } = await client().send(
      new DescribeImagesCommand({ Filters: [{ Name: 'architecture', Values: ['x86_64'] }] }),
    );
    const launch = (KeyName: string) =>
      client().send(
        new RunInstancesCommand({
          ImageId: Images![0]!.ImageId!,
          InstanceType: 't3.micro',
          MinCount: 1,
          MaxCount: 1,
          KeyName,
        }),
      );
    const reservation = await launch('sdk-rsa');
    expect(reservation.Instances![0]!.KeyName).toBe('sdk-rsa');
    const { Reservations } = await client().send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'key-name', Values: ['sdk-rsa'] }] }),
    );
    expect(Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId))).toEqual([
      reservation.Instances![0]!.InstanceId,
    ]);
    expect(await errorOf(launch('missing'))).toEqual({
      name: 'InvalidKeyPair.NotFound',
      message: "The key pair 'missing' does not exist",
      status: 400,
    });
  });

  it('deletes by name (idempotently) and by id', async () => {
    const { KeyPairs } = await client().send(new DescribeKeyPairsCommand({ KeyNames: ['sdk-imported'] }));
    const deleted = await client().send(new DeleteKeyPairCommand({ KeyName: 'sdk-imported' }));
    expect(deleted).toMatchObject({ Return: true, KeyPairId: KeyPairs![0]!.KeyPairId });
    const again = await client().send(new DeleteKeyPairCommand({ KeyName: 'sdk-imported' }));
    expect(again.Return).toBe(true);
    expect(again.KeyPairId).toBeUndefined();
    const { KeyPairs: ed } = await client().send(new DescribeKeyPairsCommand({ KeyNames: ['sdk-ed'] }));
    expect((await client().send(new DeleteKeyPairCommand({ KeyPairId: ed![0]!.KeyPairId }))).Return).toBe(true);
    expect(await errorOf(client().send(new DeleteKeyPairCommand({ KeyPairId: ed![0]!.KeyPairId })))).toMatchObject({
      name: 'InvalidKeyPair.NotFound',
    });
    const left = await client().send(new DescribeKeyPairsCommand({}));
    expect(left.KeyPairs!.map((k) => k.KeyName)).toEqual(['sdk-rsa']);
  });
});
