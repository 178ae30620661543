/**
 * The instance metadata service at 169.254.169.254 as the instance's own `curl` reaches it
 * (EC2 User Guide: instancedata-data-retrieval, configuring-instance-metadata-service): the
 * meta-data tree, `/latest/user-data`, and IMDSv2 sessions — `PUT /latest/api/token` with
 * `X-aws-ec2-metadata-token-ttl-seconds` (1–21600) returns a token that later requests carry in
 * `X-aws-ec2-metadata-token`. When the instance's MetadataOptions say HttpTokens `required`
 * (Amazon Linux 2023's default), a request without a valid token gets 401 Unauthorized.
 */
import type { HttpAnswer } from '../machines/guest-services';
import type { GuestInstance } from './guest-instance';

const TTL_HEADER = 'x-aws-ec2-metadata-token-ttl-seconds';
const TOKEN_HEADER = 'x-aws-ec2-metadata-token';

/** IMDS's error pages, as it serves them. */
function errorPage(status: number, reason: string): HttpAnswer {
  const title = `${status} - ${reason}`;
  return {
    status,
    headers: { 'Content-Type': 'text/html', Server: 'EC2ws' },
    body:
      '<?xml version="1.0" encoding="iso-8859-1"?>\n' +
      '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"\n' +
      '\t"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n' +
      '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">\n' +
      ' <head>\n' +
      `  <title>${title}</title>\n` +
      ' </head>\n' +
      ' <body>\n' +
      `  <h1>${title}</h1>\n` +
      ' </body>\n' +
      '</html>\n',
  };
}

const text = (body: string): HttpAnswer => ({
  status: 200,
  headers: { 'Content-Type': 'text/plain', Server: 'EC2ws' },
  body,
});

/** IMDSv2 session tokens, per instance, valid until a time on the lab clock. */
export class MetadataTokens {
  private readonly tokens = new Map<string, { instanceId: string; expiresAt: number }>();

  issue(instanceId: string, ttlSeconds: number, now: number): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let token = 'AQAEA';
    for (let i = 0; i < 51; i++) token += alphabet[Math.floor(Math.random() * alphabet.length)];
    token += '==';
    this.tokens.set(token, { instanceId, expiresAt: now + ttlSeconds * 1000 });
    return token;
  }

  valid(token: string | undefined, instanceId: string, now: number): boolean {
    const found = token === undefined ? undefined : this.tokens.get(token);
    return found !== undefined && found.instanceId === instanceId && found.expiresAt > now;
  }
}

type Tree = Record<string, string | (() => string | undefined)>;

function metadataTree(guest: GuestInstance): Tree {
  const instance = guest.described();
  const eni = instance?.NetworkInterfaces?.find((n) => n.Attachment?.DeviceIndex === 0);
  const region = guest.facts.region;
  const zone = instance?.Placement?.AvailabilityZone ?? '';
  const mapping: Tree = {};
  const devices = instance?.BlockDeviceMappings ?? [];
  const short = (name: string) => name.replace(/^\/dev\//, '');
  mapping['ami'] = short(instance?.RootDeviceName ?? '/dev/xvda');
  mapping['root'] = instance?.RootDeviceName ?? '/dev/xvda';
  devices
    .filter((d) => d.DeviceName !== instance?.RootDeviceName)
    .forEach((d, i) => (mapping[`ebs${i + 1}`] = short(d.DeviceName ?? '')));
  const tree: Tree = {
    'ami-id': instance?.ImageId ?? '',
    'ami-launch-index': String(instance?.AmiLaunchIndex ?? 0),
    'ami-manifest-path': '(unknown)',
    hostname: instance?.PrivateDnsName ?? guest.facts.hostname,
    'instance-action': 'none',
    'instance-id': guest.id,
    'instance-life-cycle': 'on-demand',
    'instance-type': instance?.InstanceType ?? '',
    'local-hostname': instance?.PrivateDnsName ?? guest.facts.hostname,
    'local-ipv4': instance?.PrivateIpAddress ?? guest.facts.privateIp,
    mac: eni?.MacAddress ?? '',
    'placement/availability-zone': zone,
    'placement/availability-zone-id': zone,
    'placement/region': region,
    'reservation-id': '',
    'security-groups': (instance?.SecurityGroups ?? []).map((g) => g.GroupName).join('\n'),
    'services/domain': 'amazonaws.com',
    'services/partition': 'aws',
  };
  if (instance?.PublicIpAddress) {
    tree['public-ipv4'] = instance.PublicIpAddress;
    tree['public-hostname'] = instance.PublicDnsName ?? '';
  }
  if (instance?.KeyName) tree['public-keys/0=' + instance.KeyName] = '';
  for (const [key, value] of Object.entries(mapping)) tree[`block-device-mapping/${key}`] = value;
  return tree;
}

/** A listing of a directory in the tree: its children, directories with a trailing slash. */
function listing(tree: Tree, directory: string): string | undefined {
  const prefix = directory ? `${directory}/` : '';
  const names = new Set<string>();
  for (const key of Object.keys(tree)) {
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    const slash = rest.indexOf('/');
    names.add(slash === -1 ? rest : `${rest.slice(0, slash)}/`);
  }
  return names.size ? [...names].sort().join('\n') : undefined;
}

export interface MetadataRequest {
  method: string;
  path: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
}

export function answerMetadata(guest: GuestInstance, tokens: MetadataTokens, request: MetadataRequest): HttpAnswer {
  const view = guest.view();
  const path = request.path.replace(/\/+/g, '/');
  if (path === '/latest/api/token') {
    if (request.method !== 'PUT') return errorPage(405, 'Method Not Allowed');
    const ttl = Number(request.headers[TTL_HEADER]);
    if (!Number.isInteger(ttl) || ttl < 1 || ttl > 21600) return errorPage(400, 'Bad Request');
    return text(tokens.issue(guest.id, ttl, view.now));
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') return errorPage(405, 'Method Not Allowed');
  const token = request.headers[TOKEN_HEADER];
  const required = guest.described()?.MetadataOptions?.HttpTokens === 'required';
  // A token that is sent must be valid even where v1 is allowed.
  if ((required || token !== undefined) && !tokens.valid(token, guest.id, view.now))
    return errorPage(401, 'Unauthorized');
  if (path === '/') return text('latest');
  if (path === '/latest' || path === '/latest/') return text('dynamic\nmeta-data\nuser-data');
  if (path === '/latest/user-data') {
    const script = guest.userData();
    return script === undefined ? errorPage(404, 'Not Found') : text(script);
  }
  if (path === '/latest/dynamic/instance-identity/document') {
    const instance = guest.described();
    return text(
      JSON.stringify(
        {
          accountId: instance?.NetworkInterfaces?.[0]?.OwnerId ?? '',
          architecture: instance?.Architecture ?? 'x86_64',
          availabilityZone: instance?.Placement?.AvailabilityZone ?? '',
          imageId: instance?.ImageId ?? '',
          instanceId: guest.id,
          instanceType: instance?.InstanceType ?? '',
          pendingTime: instance?.LaunchTime ? new Date(instance.LaunchTime).toISOString().replace(/\.\d+Z$/, 'Z') : '',
          privateIp: instance?.PrivateIpAddress ?? '',
          region: guest.facts.region,
          version: '2017-09-30',
        },
        null,
        2,
      ),
    );
  }
  const match = /^\/latest\/meta-data\/?(.*)$/.exec(path);
  if (!match) return errorPage(404, 'Not Found');
  const key = match[1]!.replace(/\/$/, '');
  const tree = metadataTree(guest);
  const value = tree[key];
  if (typeof value === 'string') return text(value);
  const list = listing(tree, key);
  return list === undefined ? errorPage(404, 'Not Found') : text(list);
}
