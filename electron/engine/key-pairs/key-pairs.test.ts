/**
 * The key pairs family's operations on the engine, with the fake clock: names, duplicates, tags,
 * regions, Describe's names, ids and filters, idempotent deletion, PuTTY files, RunInstances'
 * KeyName, and key pairs surviving a restart and an export/import — with no private key kept.
 */
import { createHmac, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MemoryStateStore } from '../state/state-store';
import { START_TIME, createTestLab, type TestLab } from '../test-support/test-lab';

const ed25519 = (lab: TestLab, name: string, extra = {}, region?: string) =>
  lab.ec2('CreateKeyPair', { KeyName: name, KeyType: 'ed25519', ...extra }, region);
const described = (lab: TestLab, request = {}) => lab.ec2('DescribeKeyPairs', request).KeyPairs!;

/** SSH wire strings one after another (RFC 4251 §5). */
function sshStrings(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let offset = 0; offset < bytes.length;) {
    const size = bytes.readUInt32BE(offset);
    out.push(bytes.subarray(offset + 4, offset + 4 + size));
    offset += 4 + size;
  }
  return out;
}

function readPpk(file: string) {
  const lines = file.split('\n');
  const value = (name: string) => lines.find((l) => l.startsWith(`${name}: `))!.slice(name.length + 2);
  const block = (name: string) => {
    const start = lines.findIndex((l) => l.startsWith(`${name}: `));
    return Buffer.from(lines.slice(start + 1, start + 1 + Number(value(name))).join(''), 'base64');
  };
  return {
    header: lines[0],
    encryption: value('Encryption'),
    comment: value('Comment'),
    publicBlob: block('Public-Lines'),
    privateBlob: block('Private-Lines'),
    mac: value('Private-MAC'),
  };
}

function ppkMac(ppk: ReturnType<typeof readPpk>, algorithm: string): string {
  const string = (b: Buffer | string) => {
    const bytes = Buffer.from(b);
    const size = Buffer.alloc(4);
    size.writeUInt32BE(bytes.length);
    return Buffer.concat([size, bytes]);
  };
  const key = createHash('sha1').update('putty-private-key-file-mac-key').digest();
  const data = Buffer.concat([algorithm, ppk.encryption, ppk.comment, ppk.publicBlob, ppk.privateBlob].map(string));
  return createHmac('sha1', key).update(data).digest('hex');
}

describe('CreateKeyPair', () => {
  it('answers the key once with its id, and keeps name, type, fingerprint and time', () => {
    const lab = createTestLab();
    const created = ed25519(lab, 'lab-key');
    expect(created.KeyPairId).toMatch(/^key-[0-9a-f]{17}$/);
    expect(created.KeyName).toBe('lab-key');
    expect(
      Object.entries(created)
        .flatMap(([key, value]) => (value === undefined ? [] : [key]))
        .sort(),
    ).toEqual(['KeyFingerprint', 'KeyMaterial', 'KeyName', 'KeyPairId']);
    expect(described(lab)).toEqual([
      {
        KeyPairId: created.KeyPairId,
        KeyFingerprint: created.KeyFingerprint,
        KeyName: 'lab-key',
        KeyType: 'ed25519',
        Tags: [],
        CreateTime: new Date(START_TIME),
      },
    ]);
    // Only the public key is kept: nothing saved holds the private key.
    const saved = JSON.stringify(lab.store.loadAll());
    expect(saved).toContain(created.KeyPairId);
    expect(saved).not.toContain('PRIVATE KEY');
    expect(saved).not.toContain(created.KeyMaterial!.split('\n')[1]);
  });

  it('refuses a name taken in the region, but not in another region', () => {
    const lab = createTestLab();
    ed25519(lab, 'dup');
    expect(lab.ec2Error('CreateKeyPair', { KeyName: 'dup' })).toEqual({
      code: 'InvalidKeyPair.Duplicate',
      message: "The keypair 'dup' already exists.",
    });
    const material = Buffer.from(described(lab, { IncludePublicKey: true })[0]!.PublicKey!);
    expect(lab.ec2Error('ImportKeyPair', { KeyName: 'dup', PublicKeyMaterial: material }).code).toBe(
      'InvalidKeyPair.Duplicate',
    );
    expect(ed25519(lab, 'dup', {}, 'us-east-1').KeyName).toBe('dup');
    expect(lab.ec2('DescribeKeyPairs', {}, 'us-east-1').KeyPairs).toHaveLength(1);
    expect(described(lab)).toHaveLength(1);
  });

  it('takes names of 1 to 255 ASCII characters', () => {
    const lab = createTestLab();
    expect(ed25519(lab, 'k'.repeat(255)).KeyName).toHaveLength(255);
    for (const name of ['', 'k'.repeat(256), '키페어']) {
      expect(lab.ec2Error('CreateKeyPair', { KeyName: name }).code, name).toBe('InvalidParameterValue');
    }
    expect(lab.ec2Error('CreateKeyPair', {} as never)).toEqual({
      code: 'MissingParameter',
      message: 'The request must contain the parameter KeyName',
    });
    expect(described(lab)).toHaveLength(1);
  });

  it('refuses a key type or format EC2 does not make', () => {
    const lab = createTestLab();
    expect(lab.ec2Error('CreateKeyPair', { KeyName: 'a', KeyType: 'dsa' as never }).code).toBe('InvalidParameterValue');
    expect(lab.ec2Error('CreateKeyPair', { KeyName: 'a', KeyFormat: 'der' as never }).code).toBe(
      'InvalidParameterValue',
    );
    expect(described(lab)).toEqual([]);
  });

  it('tags the key pair on creation (resource type key-pair only)', () => {
    const lab = createTestLab();
    const tags = [{ Key: 'Name', Value: 'web' }];
    const created = ed25519(lab, 'tagged', { TagSpecifications: [{ ResourceType: 'key-pair', Tags: tags }] });
    expect(created.Tags).toEqual(tags);
    expect(described(lab)[0]!.Tags).toEqual(tags);
    expect(
      lab.ec2Error('CreateKeyPair', {
        KeyName: 'wrong',
        TagSpecifications: [{ ResourceType: 'instance', Tags: tags }],
      }).code,
    ).toBe('InvalidParameterValue');
    lab.ec2('CreateTags', { Resources: [created.KeyPairId!], Tags: [{ Key: 'team', Value: 'a' }] });
    expect(lab.ec2('DescribeTags', { Filters: [{ Name: 'resource-type', Values: ['key-pair'] }] }).Tags).toHaveLength(
      2,
    );
  });

  it('writes PuTTY version 2 files whose MAC and keys check out', () => {
    const lab = createTestLab();
    const rsa = lab.ec2('CreateKeyPair', { KeyName: 'putty-rsa', KeyFormat: 'ppk' });
    const ed = ed25519(lab, 'putty-ed', { KeyFormat: 'ppk' });
    const keys = Object.fromEntries(described(lab, { IncludePublicKey: true }).map((k) => [k.KeyName, k.PublicKey!]));

    const rsaPpk = readPpk(rsa.KeyMaterial!);
    expect(rsaPpk).toMatchObject({
      header: 'PuTTY-User-Key-File-2: ssh-rsa',
      encryption: 'none',
      comment: 'putty-rsa',
    });
    expect(rsaPpk.mac).toBe(ppkMac(rsaPpk, 'ssh-rsa'));
    expect(rsaPpk.publicBlob.toString('base64')).toBe(keys['putty-rsa']!.split(' ')[1]);
    const [, e, n] = sshStrings(rsaPpk.publicBlob).map((b) => BigInt(`0x${b.toString('hex') || '0'}`));
    const [d, p, q, iqmp] = sshStrings(rsaPpk.privateBlob).map((b) => BigInt(`0x${b.toString('hex')}`));
    expect(p! * q!).toBe(n);
    expect((iqmp! * q!) % p!).toBe(1n);
    const lambda = (p! - 1n) * (q! - 1n);
    expect((d! * e!) % lambda === 1n || (d! * e!) % (lambda / gcd(p! - 1n, q! - 1n)) === 1n).toBe(true);

    const edPpk = readPpk(ed.KeyMaterial!);
    expect(edPpk).toMatchObject({ header: 'PuTTY-User-Key-File-2: ssh-ed25519', comment: 'putty-ed' });
    expect(edPpk.mac).toBe(ppkMac(edPpk, 'ssh-ed25519'));
    expect(edPpk.publicBlob.toString('base64')).toBe(keys['putty-ed']!.split(' ')[1]);
    expect(sshStrings(edPpk.privateBlob)[0]!.length).toBeLessThanOrEqual(32);
  });
});

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

describe('ImportKeyPair', () => {
  it('refuses what is not a public key, and keeps nothing', () => {
    const lab = createTestLab();
    const invalid = { code: 'InvalidKey.Format', message: 'Key is not in valid OpenSSH public key format' };
    for (const text of [
      'hello',
      'ssh-rsa AAAA',
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAA=',
      '-----BEGIN PUBLIC KEY-----',
    ]) {
      expect(lab.ec2Error('ImportKeyPair', { KeyName: 'bad', PublicKeyMaterial: Buffer.from(text) }), text).toEqual(
        invalid,
      );
    }
    expect(described(lab)).toEqual([]);
  });

  it('keeps the key an ed25519 line names, with its comment', () => {
    const lab = createTestLab();
    const source = ed25519(lab, 'source');
    const line = described(lab, { IncludePublicKey: true })[0]!.PublicKey!.replace(' source', ' me@laptop');
    const imported = lab.ec2('ImportKeyPair', { KeyName: 'copy', PublicKeyMaterial: Buffer.from(`${line}\n`) });
    expect(imported.KeyFingerprint).toBe(source.KeyFingerprint);
    expect(imported.KeyPairId).not.toBe(source.KeyPairId);
    expect(described(lab, { KeyNames: ['copy'], IncludePublicKey: true })[0]!.PublicKey).toBe(line);
    const swapped = line.replace('ssh-ed25519', 'ssh-rsa');
    expect(lab.ec2Error('ImportKeyPair', { KeyName: 'x', PublicKeyMaterial: Buffer.from(swapped) }).code).toBe(
      'InvalidKey.Format',
    );
  });
});

describe('ImportKeyPair of an RFC 4716 file', () => {
  it('skips headers continued over lines, and refuses a file that is all header', () => {
    const lab = createTestLab();
    const source = ed25519(lab, 'source');
    const blob = described(lab, { IncludePublicKey: true })[0]!.PublicKey!.split(' ')[1]!;
    const file = [
      '---- BEGIN SSH2 PUBLIC KEY ----',
      'Comment: "a comment that goes on \\',
      'and on: over two lines"',
      'x-made-by: hand',
      blob.slice(0, 40),
      blob.slice(40),
      '---- END SSH2 PUBLIC KEY ----',
    ].join('\r\n');
    const imported = lab.ec2('ImportKeyPair', { KeyName: 'rfc', PublicKeyMaterial: Buffer.from(file) });
    expect(imported.KeyFingerprint).toBe(source.KeyFingerprint);
    const headerOnly = ['---- BEGIN SSH2 PUBLIC KEY ----', 'Comment: \\', '---- END SSH2 PUBLIC KEY ----'].join('\n');
    expect(lab.ec2Error('ImportKeyPair', { KeyName: 'h', PublicKeyMaterial: Buffer.from(headerOnly) }).code).toBe(
      'InvalidKey.Format',
    );
  });
});

describe('DescribeKeyPairs', () => {
  it('finds by name or id, each of which must exist, and filters', () => {
    const lab = createTestLab();
    const a = ed25519(lab, 'alpha', {
      TagSpecifications: [{ ResourceType: 'key-pair', Tags: [{ Key: 'env', Value: 'dev' }] }],
    });
    const b = lab.ec2('CreateKeyPair', { KeyName: 'beta' });
    const names = (request: object) => described(lab, request).map((k) => k.KeyName);
    expect(names({ KeyNames: ['beta'] })).toEqual(['beta']);
    expect(names({ KeyPairIds: [a.KeyPairId!] })).toEqual(['alpha']);
    expect(lab.ec2Error('DescribeKeyPairs', { KeyNames: ['alpha', 'gamma'] })).toEqual({
      code: 'InvalidKeyPair.NotFound',
      message: "The key pair 'gamma' does not exist",
    });
    expect(lab.ec2Error('DescribeKeyPairs', { KeyPairIds: ['key-0123456789abcdef0'] })).toEqual({
      code: 'InvalidKeyPair.NotFound',
      message: "The key pair 'key-0123456789abcdef0' does not exist",
    });
    const filter = (Name: string, ...Values: string[]) => names({ Filters: [{ Name, Values }] });
    expect(filter('key-name', 'al*')).toEqual(['alpha']);
    expect(filter('key-type', 'rsa')).toEqual(['beta']);
    expect(filter('key-pair-id', b.KeyPairId!)).toEqual(['beta']);
    expect(filter('fingerprint', a.KeyFingerprint!)).toEqual(['alpha']);
    expect(filter('tag:env', 'dev')).toEqual(['alpha']);
    expect(filter('tag-key', 'env')).toEqual(['alpha']);
    expect(lab.ec2Error('DescribeKeyPairs', { Filters: [{ Name: 'color', Values: ['x'] }] }).code).toBe(
      'InvalidParameterValue',
    );
    expect(described(lab).every((k) => k.PublicKey === undefined)).toBe(true);
  });
});

describe('DeleteKeyPair', () => {
  it('is idempotent by name and answers the id it deleted', () => {
    const lab = createTestLab();
    const created = ed25519(lab, 'gone');
    expect(lab.ec2('DeleteKeyPair', { KeyName: 'gone' })).toEqual({ Return: true, KeyPairId: created.KeyPairId });
    expect(lab.ec2('DeleteKeyPair', { KeyName: 'gone' })).toEqual({ Return: true });
    expect(described(lab)).toEqual([]);
  });

  it('deletes by id, and refuses an id that names nothing', () => {
    const lab = createTestLab();
    const created = ed25519(lab, 'by-id');
    expect(lab.ec2Error('DeleteKeyPair', { KeyPairId: 'key-0123456789abcdef0' })).toEqual({
      code: 'InvalidKeyPair.NotFound',
      message: "The key pair 'key-0123456789abcdef0' does not exist",
    });
    expect(lab.ec2('DeleteKeyPair', { KeyPairId: created.KeyPairId })).toEqual({
      Return: true,
      KeyPairId: created.KeyPairId,
    });
    expect(lab.ec2Error('DeleteKeyPair', {}).code).toBe('MissingParameter');
  });
});

describe('RunInstances with a KeyName', () => {
  it('launches with a key pair of the region, shows it, filters by it, and keeps it after the key is deleted', () => {
    const lab = createTestLab();
    ed25519(lab, 'launch-key');
    ed25519(lab, 'elsewhere', {}, 'us-east-1');
    const id = lab.launch({ KeyName: 'launch-key' });
    const other = lab.launch();
    const instanceOf = (filters = {}) =>
      lab.ec2('DescribeInstances', filters).Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId));
    expect(lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!.KeyName).toBe(
      'launch-key',
    );
    expect(instanceOf({ Filters: [{ Name: 'key-name', Values: ['launch-key'] }] })).toEqual([id]);
    expect(instanceOf()).toContain(other);
    const refused = lab.ec2Error('RunInstances', {
      ImageId: lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!.ImageId!,
      KeyName: 'elsewhere',
      MinCount: 1,
      MaxCount: 1,
    });
    expect(refused).toEqual({ code: 'InvalidKeyPair.NotFound', message: "The key pair 'elsewhere' does not exist" });
    lab.ec2('DeleteKeyPair', { KeyName: 'launch-key' });
    expect(lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!.KeyName).toBe(
      'launch-key',
    );
  });
});

describe('key pairs in the saved lab', () => {
  it('survive a restart and an export/import unchanged', () => {
    const store = new MemoryStateStore();
    const lab = createTestLab({ store });
    ed25519(lab, 'kept', { TagSpecifications: [{ ResourceType: 'key-pair', Tags: [{ Key: 'a', Value: 'b' }] }] });
    lab.ec2('CreateKeyPair', { KeyName: 'kept-rsa' });
    const before = described(lab, { IncludePublicKey: true });
    const reopened = lab.reopen();
    expect(described(reopened, { IncludePublicKey: true })).toEqual(before);
    reopened.lab('ImportLab', { content: reopened.lab('ExportLab', {}).content });
    expect(described(reopened, { IncludePublicKey: true })).toEqual(before);
  });

  it('refuses a lab file whose key pair is not one', () => {
    const lab = createTestLab();
    ed25519(lab, 'poisoned');
    const file = JSON.parse(lab.lab('ExportLab', {}).content) as {
      records: { collection: string; data: Record<string, unknown> }[];
    };
    file.records.find((r) => r.collection === 'key-pairs')!.data.publicKey = 'ssh-dss AAAA';
    const error = lab.labError('ImportLab', { content: JSON.stringify(file) });
    expect(error.code).toBe('InvalidLabFile');
    expect(error.message).toMatch(/invalid 'publicKey'/);
    expect(described(lab).map((k) => k.KeyName)).toEqual(['poisoned']);
  });
});
