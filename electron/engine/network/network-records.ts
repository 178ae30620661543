/** The default VPC and its subnets, made for a region the first time the lab uses it. */

export interface VpcRecord {
  vpcId: string;
  region: string;
  cidrBlock: string;
  isDefault: boolean;
  dhcpOptionsId: string;
  tags: { Key: string; Value: string }[];
}

export interface SubnetRecord {
  subnetId: string;
  vpcId: string;
  region: string;
  availabilityZone: string;
  availabilityZoneId: string;
  cidrBlock: string;
  defaultForAz: boolean;
  mapPublicIpOnLaunch: boolean;
  tags: { Key: string; Value: string }[];
}
