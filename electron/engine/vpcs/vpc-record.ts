/**
 * A VPC as the engine keeps it: its primary IPv4 block and any secondary ones, whether it is the
 * region's default VPC, and its DNS attributes (EC2 User Guide: default-vpc; VPC User Guide:
 * vpc-cidr-blocks, vpc-dns). Labs saved before the DNS attributes existed have none: a VPC then
 * resolves names, and the default VPC gives hostnames (`dnsAttributesOf`).
 */
import { errors } from '../errors';
import { defineCollection, type Tag } from '../resource-collection';

export interface VpcCidrAssociation {
  associationId: string;
  cidrBlock: string;
}

export interface VpcRecord {
  vpcId: string;
  region: string;
  cidrBlock: string;
  isDefault: boolean;
  dhcpOptionsId: string;
  /** Secondary IPv4 blocks (AssociateVpcCidrBlock). */
  secondaryCidrBlocks?: VpcCidrAssociation[];
  enableDnsSupport?: boolean;
  enableDnsHostnames?: boolean;
  tags: Tag[];
}

export const VPCS = defineCollection<VpcRecord>({
  name: 'vpcs',
  regionOf: (r) => r.region,
  idOf: (r) => r.vpcId,
  idPrefix: 'vpc',
  notFound: errors.vpcIdNotFound,
  tagResourceType: 'vpc',
  kind: 'vpc',
});

/** Every IPv4 block of the VPC, the primary first. */
export function cidrBlocksOf(vpc: VpcRecord): string[] {
  return [vpc.cidrBlock, ...(vpc.secondaryCidrBlocks ?? []).map((a) => a.cidrBlock)];
}

/** The association id AWS gives a VPC's primary block, kept stable from its id. */
export function primaryCidrAssociationId(vpc: VpcRecord): string {
  return `vpc-cidr-assoc-${vpc.vpcId.slice(4)}`;
}

/** A new VPC resolves names but gives no DNS hostnames; the default VPC gives both (VPC User Guide: vpc-dns). */
export function dnsAttributesOf(vpc: VpcRecord): { enableDnsSupport: boolean; enableDnsHostnames: boolean } {
  return {
    enableDnsSupport: vpc.enableDnsSupport ?? true,
    enableDnsHostnames: vpc.enableDnsHostnames ?? vpc.isDefault,
  };
}
