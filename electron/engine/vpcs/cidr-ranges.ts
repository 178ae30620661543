/**
 * IPv4 CIDR blocks as VPCs, subnets and routes use them: parsing, the range a block covers, overlap
 * and containment. A VPC or subnet block is /16 to /28 and must name its network's first address
 * (VPC User Guide: vpc-cidr-blocks, subnet-sizing).
 */
import { isIpv4Cidr } from '../security-groups/cidr-blocks';
import { ipToNumber } from '../network-interfaces/ip-addresses';

export interface CidrRange {
  first: number;
  last: number;
  bits: number;
}

/** The range of a well-formed IPv4 CIDR block, or undefined for anything else. */
export function cidrRange(cidr: string): CidrRange | undefined {
  if (!isIpv4Cidr(cidr)) return undefined;
  const [address, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const first = Math.floor(ipToNumber(address!) / size) * size;
  return { first, last: first + size - 1, bits: Number(bits) };
}

/** Whether the block's address is its network's first address (`10.0.0.0/16`, not `10.0.0.1/16`). */
export function isNetworkAligned(cidr: string): boolean {
  const range = cidrRange(cidr);
  return range !== undefined && ipToNumber(cidr.split('/')[0]!) === range.first;
}

/** The prefix lengths AWS allows for a VPC's and a subnet's IPv4 block. */
export function isVpcSizedBlock(cidr: string): boolean {
  const range = cidrRange(cidr);
  return range !== undefined && range.bits >= 16 && range.bits <= 28;
}

export function cidrsOverlap(a: string, b: string): boolean {
  const x = cidrRange(a);
  const y = cidrRange(b);
  return x !== undefined && y !== undefined && x.first <= y.last && y.first <= x.last;
}

/** Whether `inner` lies wholly within `outer`. */
export function cidrContains(outer: string, inner: string): boolean {
  const x = cidrRange(outer);
  const y = cidrRange(inner);
  return x !== undefined && y !== undefined && x.first <= y.first && y.last <= x.last;
}

/** Whether an IPv4 address lies in the block. */
export function cidrHasAddress(cidr: string, address: string): boolean {
  const range = cidrRange(cidr);
  const value = ipToNumber(address);
  return range !== undefined && value >= range.first && value <= range.last;
}
