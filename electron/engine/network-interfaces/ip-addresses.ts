/**
 * Private and public IPv4 addresses and the DNS names AWS derives from them.
 * In a subnet the first four addresses and the last one are reserved (EC2 User Guide / VPC User
 * Guide: subnet-sizing). Public DNS: ec2-A-B-C-D.REGION.compute.amazonaws.com, except us-east-1's
 * compute-1.amazonaws.com; private DNS: ip-A-B-C-D.REGION.compute.internal, us-east-1's ec2.internal.
 */
import type { IdGenerator } from '../ids';

export function ipToNumber(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

export function numberToIp(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** A free private address in the subnet's CIDR, avoiding the reserved and the taken ones. */
export function allocatePrivateIp(cidrBlock: string, taken: ReadonlySet<string>, ids: IdGenerator): string {
  const [base, bits] = cidrBlock.split('/');
  const size = 2 ** (32 - Number(bits));
  const start = ipToNumber(base!);
  const usable = size - 5;
  const first = ids.int(usable);
  for (let offset = 0; offset < usable; offset++) {
    const candidate = numberToIp(start + 4 + ((first + offset) % usable));
    if (!taken.has(candidate)) return candidate;
  }
  throw new Error(`Subnet ${cidrBlock} has no free addresses`);
}

/** First two octets of public ranges AWS uses in each region (approximate, for realism). */
const PUBLIC_PREFIXES: Record<string, string[]> = {
  'us-east-1': ['3.80', '3.85', '18.204', '34.201', '44.192', '52.90', '54.85', '54.160'],
  'us-west-2': ['34.210', '35.160', '44.224', '52.12', '54.188', '54.200'],
  'ap-northeast-2': ['3.34', '3.35', '13.124', '13.125', '43.200', '43.201', '52.78', '52.79', '54.180'],
  'ap-northeast-1': ['3.112', '13.112', '18.176', '35.72', '52.192', '54.248'],
  'eu-west-1': ['3.248', '34.240', '52.16', '54.74', '54.155', '63.32'],
  'eu-central-1': ['3.64', '18.156', '35.156', '52.28', '54.93'],
};

export function allocatePublicIp(region: string, taken: ReadonlySet<string>, ids: IdGenerator): string {
  const prefixes = PUBLIC_PREFIXES[region] ?? ['54.180'];
  for (;;) {
    const candidate = `${prefixes[ids.int(prefixes.length)]}.${ids.int(256)}.${1 + ids.int(254)}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function publicDnsName(ip: string, region: string): string {
  const dashed = ip.replaceAll('.', '-');
  return region === 'us-east-1'
    ? `ec2-${dashed}.compute-1.amazonaws.com`
    : `ec2-${dashed}.${region}.compute.amazonaws.com`;
}

export function privateDnsName(ip: string, region: string): string {
  const dashed = ip.replaceAll('.', '-');
  return region === 'us-east-1' ? `ip-${dashed}.ec2.internal` : `ip-${dashed}.${region}.compute.internal`;
}
