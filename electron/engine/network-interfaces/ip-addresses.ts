/**
 * Private and public IPv4 addresses and the DNS names AWS derives from them.
 * In a subnet the first four addresses and the last one are reserved (EC2 User Guide / VPC User
 * Guide: subnet-sizing). Public DNS: ec2-A-B-C-D.REGION.compute.amazonaws.com, except us-east-1's
 * compute-1.amazonaws.com; private DNS: ip-A-B-C-D.REGION.compute.internal, us-east-1's ec2.internal.
 */
import { errors } from '../errors';
import type { IdGenerator } from '../ids';

export function ipToNumber(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

export function numberToIp(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** A free private address in the subnet's CIDR, avoiding the reserved and the taken ones. */
export function allocatePrivateIp(
  cidrBlock: string,
  taken: { has(address: string): boolean },
  ids: IdGenerator,
): string {
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

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * A private address a request names (RunInstances, CreateNetworkInterface, AssignPrivateIpAddresses):
 * it must be an IPv4 address inside the subnet, not one of AWS's five reserved addresses, and free.
 */
export function checkRequestedPrivateIp(
  cidrBlock: string,
  address: string,
  taken: { has(address: string): boolean },
): string {
  if (!IPV4.test(address)) {
    throw errors.invalidParameterValue(
      `Value (${address}) for parameter PrivateIpAddress is invalid. This is not a valid IP address.`,
    );
  }
  const [base, bits] = cidrBlock.split('/');
  const start = ipToNumber(base!);
  const size = 2 ** (32 - Number(bits));
  const value = ipToNumber(address);
  if (value < start || value >= start + size) throw errors.addressOutsideSubnet();
  if (value < start + 4 || value === start + size - 1) throw errors.addressReservedInSubnet();
  if (taken.has(address)) throw errors.ipAddressInUse(address);
  return address;
}

/**
 * First two octets of public ranges AWS uses in each region (approximate, for realism: blocks that
 * AWS's ip-ranges.json has listed for EC2 in the region; no two regions share one here).
 */
export const PUBLIC_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  'us-east-1': ['3.80', '3.85', '18.204', '34.201', '44.192', '52.90', '54.85', '54.160'],
  'us-east-2': ['3.12', '3.128', '3.131', '18.116', '18.188', '52.14'],
  'us-west-1': ['13.52', '13.56', '18.144', '52.8', '54.153', '54.183'],
  'us-west-2': ['34.210', '35.160', '44.224', '52.12', '54.188', '54.200'],
  'af-south-1': ['13.244', '13.245', '13.246'],
  'ap-east-1': ['16.162', '18.162', '18.163', '43.198'],
  'ap-south-2': ['16.112', '18.60', '18.61'],
  'ap-southeast-3': ['43.218', '108.136', '108.137'],
  'ap-southeast-5': ['43.216', '43.217'],
  'ap-southeast-4': ['16.50', '16.51'],
  'ap-south-1': ['3.6', '3.108', '13.126', '13.232', '15.206', '65.0'],
  'ap-northeast-3': ['13.208', '15.152', '15.168'],
  'ap-northeast-2': ['3.34', '3.35', '13.124', '13.125', '43.200', '43.201', '52.78', '52.79', '54.180'],
  'ap-southeast-1': ['13.212', '13.228', '18.136', '52.74', '54.169', '54.254'],
  'ap-southeast-2': ['3.104', '13.54', '13.236', '13.239', '52.62', '54.66', '54.206'],
  'ap-northeast-1': ['3.112', '13.112', '18.176', '35.72', '52.192', '54.248'],
  'ca-central-1': ['3.96', '15.222', '35.182', '52.60', '99.79'],
  'ca-west-1': ['15.156', '40.176'],
  'eu-central-1': ['3.64', '18.156', '35.156', '52.28', '54.93'],
  'eu-west-1': ['3.248', '34.240', '52.16', '54.74', '54.155', '63.32'],
  'eu-west-2': ['3.8', '3.9', '18.130', '18.132', '35.176', '52.56'],
  'eu-south-1': ['15.160', '15.161', '18.102'],
  'eu-west-3': ['13.36', '13.37', '15.188', '35.180', '52.47'],
  'eu-south-2': ['18.100', '18.101'],
  'eu-north-1': ['13.48', '13.49', '13.51', '16.16', '16.170'],
  'eu-central-2': ['16.62', '16.63'],
  'il-central-1': ['51.16', '51.17'],
  'me-south-1': ['15.184', '15.185', '157.175'],
  'me-central-1': ['3.28', '3.29'],
  'sa-east-1': ['15.228', '18.228', '18.229', '54.94', '54.207', '177.71'],
};

export function allocatePublicIp(region: string, taken: { has(address: string): boolean }, ids: IdGenerator): string {
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
