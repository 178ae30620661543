/**
 * IPv4 and IPv6 CIDR blocks as security group rules take them (`203.0.113.7/32`, `::/0`), and
 * whether an IPv4 address falls in a block. VPC User Guide: security-group-rules ("Source or destination").
 */
import { ipToNumber } from '../network-interfaces/ip-addresses';

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);

export function isIpv4Address(value: string): boolean {
  return IPV4.test(value);
}

export function isIpv4Cidr(value: string): boolean {
  const [address, bits, extra] = value.split('/');
  return extra === undefined && isIpv4Address(address ?? '') && /^(3[0-2]|[12]?\d)$/.test(bits ?? '');
}

export function isIpv6Cidr(value: string): boolean {
  const [address, bits, extra] = value.split('/');
  if (extra !== undefined || !/^(12[0-8]|1[01]\d|[1-9]?\d)$/.test(bits ?? '')) return false;
  if (!address || !/^[0-9a-fA-F:]+$/.test(address) || address.includes(':::')) return false;
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half ? half.split(':') : []));
  if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? groups.length < 8 : groups.length === 8;
}

/** Whether an IPv4 address lies in an IPv4 CIDR block. */
export function ipv4InCidr(address: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const start = Math.floor(ipToNumber(base!) / size) * size;
  const value = ipToNumber(address);
  return value >= start && value < start + size;
}
