/**
 * The EC2 operations the lab serves, named and shaped exactly as AWS names and shapes them.
 * Shapes come from `@aws-sdk/client-ec2` (type-only), so every door speaks AWS's own contract.
 * To add an operation: add it here and to EC2_OPERATION_NAMES, then implement it in the engine.
 */
import type {
  AuthorizeSecurityGroupEgressRequest,
  AuthorizeSecurityGroupEgressResult,
  AuthorizeSecurityGroupIngressRequest,
  AuthorizeSecurityGroupIngressResult,
  CreateSecurityGroupRequest,
  CreateSecurityGroupResult,
  DeleteSecurityGroupRequest,
  DeleteSecurityGroupResult,
  DescribeNetworkInterfacesRequest,
  DescribeNetworkInterfacesResult,
  ModifyNetworkInterfaceAttributeRequest,
  CreateNetworkInterfaceRequest,
  CreateNetworkInterfaceResult,
  DeleteNetworkInterfaceRequest,
  AttachNetworkInterfaceRequest,
  AttachNetworkInterfaceResult,
  DetachNetworkInterfaceRequest,
  AssignPrivateIpAddressesRequest,
  AssignPrivateIpAddressesResult,
  UnassignPrivateIpAddressesRequest,
  AllocateAddressRequest,
  AllocateAddressResult,
  DescribeAddressesRequest,
  DescribeAddressesResult,
  AssociateAddressRequest,
  AssociateAddressResult,
  DisassociateAddressRequest,
  ReleaseAddressRequest,
  ModifySecurityGroupRulesRequest,
  ModifySecurityGroupRulesResult,
  UpdateSecurityGroupRuleDescriptionsEgressRequest,
  UpdateSecurityGroupRuleDescriptionsEgressResult,
  UpdateSecurityGroupRuleDescriptionsIngressRequest,
  UpdateSecurityGroupRuleDescriptionsIngressResult,
  DescribeSecurityGroupRulesRequest,
  DescribeSecurityGroupRulesResult,
  DescribeSecurityGroupsRequest,
  DescribeSecurityGroupsResult,
  RevokeSecurityGroupEgressRequest,
  RevokeSecurityGroupEgressResult,
  RevokeSecurityGroupIngressRequest,
  RevokeSecurityGroupIngressResult,
  CreateKeyPairRequest,
  CreateLaunchTemplateRequest,
  CreateLaunchTemplateResult,
  CreateLaunchTemplateVersionRequest,
  CreateLaunchTemplateVersionResult,
  DeleteLaunchTemplateRequest,
  DeleteLaunchTemplateResult,
  DeleteLaunchTemplateVersionsRequest,
  DeleteLaunchTemplateVersionsResult,
  DescribeLaunchTemplatesRequest,
  DescribeLaunchTemplatesResult,
  DescribeLaunchTemplateVersionsRequest,
  DescribeLaunchTemplateVersionsResult,
  GetLaunchTemplateDataRequest,
  GetLaunchTemplateDataResult,
  ModifyLaunchTemplateRequest,
  ModifyLaunchTemplateResult,
  CreateTagsRequest,
  DeleteKeyPairRequest,
  DeleteKeyPairResult,
  DeleteTagsRequest,
  DescribeAvailabilityZonesRequest,
  DescribeAvailabilityZonesResult,
  DescribeImagesRequest,
  DescribeImagesResult,
  DescribeInstanceAttributeRequest,
  DescribeInstanceStatusRequest,
  DescribeInstanceStatusResult,
  DescribeInstanceTypeOfferingsRequest,
  DescribeInstanceTypeOfferingsResult,
  DescribeInstanceTypesRequest,
  DescribeInstanceTypesResult,
  DescribeInstancesRequest,
  DescribeInstancesResult,
  DescribeKeyPairsRequest,
  DescribeKeyPairsResult,
  DescribeRegionsRequest,
  DescribeRegionsResult,
  DescribeSubnetsRequest,
  DescribeSubnetsResult,
  DescribeTagsRequest,
  DescribeTagsResult,
  DescribeVpcsRequest,
  DescribeVpcsResult,
  ImportKeyPairRequest,
  ImportKeyPairResult,
  InstanceAttribute,
  KeyPair,
  ModifyInstanceAttributeRequest,
  RebootInstancesRequest,
  Reservation,
  RunInstancesRequest,
  StartInstancesRequest,
  StartInstancesResult,
  StopInstancesRequest,
  StopInstancesResult,
  TerminateInstancesRequest,
  TerminateInstancesResult,
  AttachVolumeRequest,
  CopyImageRequest,
  CopyImageResult,
  RegisterImageRequest,
  RegisterImageResult,
  CopySnapshotRequest,
  CopySnapshotResult,
  CreateImageRequest,
  CreateImageResult,
  CreateSnapshotRequest,
  CreateVolumeRequest,
  DeleteSnapshotRequest,
  DeleteVolumeRequest,
  DeregisterImageRequest,
  DeregisterImageResult,
  DescribeSnapshotsRequest,
  DescribeSnapshotsResult,
  DescribeVolumesModificationsRequest,
  DescribeVolumesModificationsResult,
  DescribeVolumesRequest,
  DescribeVolumesResult,
  DetachVolumeRequest,
  ModifyVolumeRequest,
  ModifyVolumeResult,
  Snapshot,
  Volume,
  VolumeAttachment,
  CreateVpcRequest,
  CreateDefaultVpcRequest,
  CreateDefaultVpcResult,
  CreateVpcResult,
  DeleteVpcRequest,
  ModifyVpcAttributeRequest,
  DescribeVpcAttributeRequest,
  DescribeVpcAttributeResult,
  AssociateVpcCidrBlockRequest,
  AssociateVpcCidrBlockResult,
  DisassociateVpcCidrBlockRequest,
  DisassociateVpcCidrBlockResult,
  CreateSubnetRequest,
  CreateSubnetResult,
  DeleteSubnetRequest,
  ModifySubnetAttributeRequest,
  CreateInternetGatewayRequest,
  CreateInternetGatewayResult,
  AttachInternetGatewayRequest,
  DetachInternetGatewayRequest,
  DeleteInternetGatewayRequest,
  DescribeInternetGatewaysRequest,
  DescribeInternetGatewaysResult,
  CreateRouteTableRequest,
  CreateRouteTableResult,
  DeleteRouteTableRequest,
  DescribeRouteTablesRequest,
  DescribeRouteTablesResult,
  CreateRouteRequest,
  CreateRouteResult,
  ReplaceRouteRequest,
  DeleteRouteRequest,
  AssociateRouteTableRequest,
  AssociateRouteTableResult,
  DisassociateRouteTableRequest,
  ReplaceRouteTableAssociationRequest,
  ReplaceRouteTableAssociationResult,
  CreateNetworkAclRequest,
  CreateNetworkAclResult,
  DeleteNetworkAclRequest,
  DescribeNetworkAclsRequest,
  DescribeNetworkAclsResult,
  CreateNetworkAclEntryRequest,
  ReplaceNetworkAclEntryRequest,
  DeleteNetworkAclEntryRequest,
  ReplaceNetworkAclAssociationRequest,
  ReplaceNetworkAclAssociationResult,
} from '@aws-sdk/client-ec2';

/** An operation with no output members answers an empty object, as EC2 does (`<return>true</return>`). */
export type EmptyResult = Record<string, never>;

export interface Ec2Operations {
  RunInstances: { input: RunInstancesRequest; output: Reservation };
  DescribeInstances: { input: DescribeInstancesRequest; output: DescribeInstancesResult };
  StartInstances: { input: StartInstancesRequest; output: StartInstancesResult };
  StopInstances: { input: StopInstancesRequest; output: StopInstancesResult };
  RebootInstances: { input: RebootInstancesRequest; output: EmptyResult };
  TerminateInstances: { input: TerminateInstancesRequest; output: TerminateInstancesResult };
  ModifyInstanceAttribute: { input: ModifyInstanceAttributeRequest; output: EmptyResult };
  DescribeInstanceAttribute: { input: DescribeInstanceAttributeRequest; output: InstanceAttribute };
  DescribeInstanceStatus: { input: DescribeInstanceStatusRequest; output: DescribeInstanceStatusResult };
  DescribeInstanceTypes: { input: DescribeInstanceTypesRequest; output: DescribeInstanceTypesResult };
  DescribeInstanceTypeOfferings: {
    input: DescribeInstanceTypeOfferingsRequest;
    output: DescribeInstanceTypeOfferingsResult;
  };
  DescribeImages: { input: DescribeImagesRequest; output: DescribeImagesResult };
  DescribeRegions: { input: DescribeRegionsRequest; output: DescribeRegionsResult };
  DescribeAvailabilityZones: {
    input: DescribeAvailabilityZonesRequest;
    output: DescribeAvailabilityZonesResult;
  };
  DescribeVpcs: { input: DescribeVpcsRequest; output: DescribeVpcsResult };
  DescribeSubnets: { input: DescribeSubnetsRequest; output: DescribeSubnetsResult };
  CreateTags: { input: CreateTagsRequest; output: EmptyResult };
  DeleteTags: { input: DeleteTagsRequest; output: EmptyResult };
  DescribeTags: { input: DescribeTagsRequest; output: DescribeTagsResult };
  CreateKeyPair: { input: CreateKeyPairRequest; output: KeyPair };
  ImportKeyPair: { input: ImportKeyPairRequest; output: ImportKeyPairResult };
  DescribeKeyPairs: { input: DescribeKeyPairsRequest; output: DescribeKeyPairsResult };
  DeleteKeyPair: { input: DeleteKeyPairRequest; output: DeleteKeyPairResult };
  CreateSecurityGroup: { input: CreateSecurityGroupRequest; output: CreateSecurityGroupResult };
  DeleteSecurityGroup: { input: DeleteSecurityGroupRequest; output: DeleteSecurityGroupResult };
  DescribeSecurityGroups: { input: DescribeSecurityGroupsRequest; output: DescribeSecurityGroupsResult };
  DescribeSecurityGroupRules: { input: DescribeSecurityGroupRulesRequest; output: DescribeSecurityGroupRulesResult };
  AuthorizeSecurityGroupIngress: {
    input: AuthorizeSecurityGroupIngressRequest;
    output: AuthorizeSecurityGroupIngressResult;
  };
  AuthorizeSecurityGroupEgress: {
    input: AuthorizeSecurityGroupEgressRequest;
    output: AuthorizeSecurityGroupEgressResult;
  };
  RevokeSecurityGroupIngress: { input: RevokeSecurityGroupIngressRequest; output: RevokeSecurityGroupIngressResult };
  RevokeSecurityGroupEgress: { input: RevokeSecurityGroupEgressRequest; output: RevokeSecurityGroupEgressResult };
  ModifySecurityGroupRules: { input: ModifySecurityGroupRulesRequest; output: ModifySecurityGroupRulesResult };
  UpdateSecurityGroupRuleDescriptionsIngress: {
    input: UpdateSecurityGroupRuleDescriptionsIngressRequest;
    output: UpdateSecurityGroupRuleDescriptionsIngressResult;
  };
  UpdateSecurityGroupRuleDescriptionsEgress: {
    input: UpdateSecurityGroupRuleDescriptionsEgressRequest;
    output: UpdateSecurityGroupRuleDescriptionsEgressResult;
  };
  DescribeNetworkInterfaces: { input: DescribeNetworkInterfacesRequest; output: DescribeNetworkInterfacesResult };
  ModifyNetworkInterfaceAttribute: { input: ModifyNetworkInterfaceAttributeRequest; output: EmptyResult };
  CreateNetworkInterface: { input: CreateNetworkInterfaceRequest; output: CreateNetworkInterfaceResult };
  DeleteNetworkInterface: { input: DeleteNetworkInterfaceRequest; output: EmptyResult };
  AttachNetworkInterface: { input: AttachNetworkInterfaceRequest; output: AttachNetworkInterfaceResult };
  DetachNetworkInterface: { input: DetachNetworkInterfaceRequest; output: EmptyResult };
  AssignPrivateIpAddresses: { input: AssignPrivateIpAddressesRequest; output: AssignPrivateIpAddressesResult };
  UnassignPrivateIpAddresses: { input: UnassignPrivateIpAddressesRequest; output: EmptyResult };
  AllocateAddress: { input: AllocateAddressRequest; output: AllocateAddressResult };
  DescribeAddresses: { input: DescribeAddressesRequest; output: DescribeAddressesResult };
  AssociateAddress: { input: AssociateAddressRequest; output: AssociateAddressResult };
  DisassociateAddress: { input: DisassociateAddressRequest; output: EmptyResult };
  ReleaseAddress: { input: ReleaseAddressRequest; output: EmptyResult };
  CreateVolume: { input: CreateVolumeRequest; output: Volume };
  DescribeVolumes: { input: DescribeVolumesRequest; output: DescribeVolumesResult };
  AttachVolume: { input: AttachVolumeRequest; output: VolumeAttachment };
  DetachVolume: { input: DetachVolumeRequest; output: VolumeAttachment };
  DeleteVolume: { input: DeleteVolumeRequest; output: EmptyResult };
  ModifyVolume: { input: ModifyVolumeRequest; output: ModifyVolumeResult };
  DescribeVolumesModifications: {
    input: DescribeVolumesModificationsRequest;
    output: DescribeVolumesModificationsResult;
  };
  CreateSnapshot: { input: CreateSnapshotRequest; output: Snapshot };
  DescribeSnapshots: { input: DescribeSnapshotsRequest; output: DescribeSnapshotsResult };
  DeleteSnapshot: { input: DeleteSnapshotRequest; output: EmptyResult };
  CopySnapshot: { input: CopySnapshotRequest; output: CopySnapshotResult };
  CreateImage: { input: CreateImageRequest; output: CreateImageResult };
  DeregisterImage: { input: DeregisterImageRequest; output: DeregisterImageResult };
  CopyImage: { input: CopyImageRequest; output: CopyImageResult };
  RegisterImage: { input: RegisterImageRequest; output: RegisterImageResult };
  CreateLaunchTemplate: { input: CreateLaunchTemplateRequest; output: CreateLaunchTemplateResult };
  CreateLaunchTemplateVersion: { input: CreateLaunchTemplateVersionRequest; output: CreateLaunchTemplateVersionResult };
  DescribeLaunchTemplates: { input: DescribeLaunchTemplatesRequest; output: DescribeLaunchTemplatesResult };
  DescribeLaunchTemplateVersions: {
    input: DescribeLaunchTemplateVersionsRequest;
    output: DescribeLaunchTemplateVersionsResult;
  };
  ModifyLaunchTemplate: { input: ModifyLaunchTemplateRequest; output: ModifyLaunchTemplateResult };
  DeleteLaunchTemplate: { input: DeleteLaunchTemplateRequest; output: DeleteLaunchTemplateResult };
  DeleteLaunchTemplateVersions: {
    input: DeleteLaunchTemplateVersionsRequest;
    output: DeleteLaunchTemplateVersionsResult;
  };
  GetLaunchTemplateData: { input: GetLaunchTemplateDataRequest; output: GetLaunchTemplateDataResult };
  // VPC networking (EC2 API Reference: the VPC operations).
  CreateVpc: { input: CreateVpcRequest; output: CreateVpcResult };
  CreateDefaultVpc: { input: CreateDefaultVpcRequest; output: CreateDefaultVpcResult };
  DeleteVpc: { input: DeleteVpcRequest; output: EmptyResult };
  ModifyVpcAttribute: { input: ModifyVpcAttributeRequest; output: EmptyResult };
  DescribeVpcAttribute: { input: DescribeVpcAttributeRequest; output: DescribeVpcAttributeResult };
  AssociateVpcCidrBlock: { input: AssociateVpcCidrBlockRequest; output: AssociateVpcCidrBlockResult };
  DisassociateVpcCidrBlock: { input: DisassociateVpcCidrBlockRequest; output: DisassociateVpcCidrBlockResult };
  CreateSubnet: { input: CreateSubnetRequest; output: CreateSubnetResult };
  DeleteSubnet: { input: DeleteSubnetRequest; output: EmptyResult };
  ModifySubnetAttribute: { input: ModifySubnetAttributeRequest; output: EmptyResult };
  CreateInternetGateway: { input: CreateInternetGatewayRequest; output: CreateInternetGatewayResult };
  AttachInternetGateway: { input: AttachInternetGatewayRequest; output: EmptyResult };
  DetachInternetGateway: { input: DetachInternetGatewayRequest; output: EmptyResult };
  DeleteInternetGateway: { input: DeleteInternetGatewayRequest; output: EmptyResult };
  DescribeInternetGateways: { input: DescribeInternetGatewaysRequest; output: DescribeInternetGatewaysResult };
  CreateRouteTable: { input: CreateRouteTableRequest; output: CreateRouteTableResult };
  DeleteRouteTable: { input: DeleteRouteTableRequest; output: EmptyResult };
  DescribeRouteTables: { input: DescribeRouteTablesRequest; output: DescribeRouteTablesResult };
  CreateRoute: { input: CreateRouteRequest; output: CreateRouteResult };
  ReplaceRoute: { input: ReplaceRouteRequest; output: EmptyResult };
  DeleteRoute: { input: DeleteRouteRequest; output: EmptyResult };
  AssociateRouteTable: { input: AssociateRouteTableRequest; output: AssociateRouteTableResult };
  DisassociateRouteTable: { input: DisassociateRouteTableRequest; output: EmptyResult };
  ReplaceRouteTableAssociation: {
    input: ReplaceRouteTableAssociationRequest;
    output: ReplaceRouteTableAssociationResult;
  };
  CreateNetworkAcl: { input: CreateNetworkAclRequest; output: CreateNetworkAclResult };
  DeleteNetworkAcl: { input: DeleteNetworkAclRequest; output: EmptyResult };
  DescribeNetworkAcls: { input: DescribeNetworkAclsRequest; output: DescribeNetworkAclsResult };
  CreateNetworkAclEntry: { input: CreateNetworkAclEntryRequest; output: EmptyResult };
  ReplaceNetworkAclEntry: { input: ReplaceNetworkAclEntryRequest; output: EmptyResult };
  DeleteNetworkAclEntry: { input: DeleteNetworkAclEntryRequest; output: EmptyResult };
  ReplaceNetworkAclAssociation: {
    input: ReplaceNetworkAclAssociationRequest;
    output: ReplaceNetworkAclAssociationResult;
  };
}

export type Ec2OperationName = keyof Ec2Operations;

export const EC2_OPERATION_NAMES = [
  'RunInstances',
  'DescribeInstances',
  'StartInstances',
  'StopInstances',
  'RebootInstances',
  'TerminateInstances',
  'ModifyInstanceAttribute',
  'DescribeInstanceAttribute',
  'DescribeInstanceStatus',
  'DescribeInstanceTypes',
  'DescribeInstanceTypeOfferings',
  'DescribeImages',
  'DescribeRegions',
  'DescribeAvailabilityZones',
  'DescribeVpcs',
  'DescribeSubnets',
  'CreateTags',
  'DeleteTags',
  'DescribeTags',
  'CreateKeyPair',
  'ImportKeyPair',
  'DescribeKeyPairs',
  'DeleteKeyPair',
  'CreateSecurityGroup',
  'DeleteSecurityGroup',
  'DescribeSecurityGroups',
  'DescribeSecurityGroupRules',
  'AuthorizeSecurityGroupIngress',
  'AuthorizeSecurityGroupEgress',
  'RevokeSecurityGroupIngress',
  'RevokeSecurityGroupEgress',
  'ModifySecurityGroupRules',
  'UpdateSecurityGroupRuleDescriptionsIngress',
  'UpdateSecurityGroupRuleDescriptionsEgress',
  'DescribeNetworkInterfaces',
  'ModifyNetworkInterfaceAttribute',
  'CreateNetworkInterface',
  'DeleteNetworkInterface',
  'AttachNetworkInterface',
  'DetachNetworkInterface',
  'AssignPrivateIpAddresses',
  'UnassignPrivateIpAddresses',
  'AllocateAddress',
  'DescribeAddresses',
  'AssociateAddress',
  'DisassociateAddress',
  'ReleaseAddress',
  'CreateVolume',
  'DescribeVolumes',
  'AttachVolume',
  'DetachVolume',
  'DeleteVolume',
  'ModifyVolume',
  'DescribeVolumesModifications',
  'CreateSnapshot',
  'DescribeSnapshots',
  'DeleteSnapshot',
  'CopySnapshot',
  'CreateImage',
  'DeregisterImage',
  'CopyImage',
  'RegisterImage',
  'CreateLaunchTemplate',
  'CreateLaunchTemplateVersion',
  'DescribeLaunchTemplates',
  'DescribeLaunchTemplateVersions',
  'ModifyLaunchTemplate',
  'DeleteLaunchTemplate',
  'DeleteLaunchTemplateVersions',
  'GetLaunchTemplateData',
  'CreateVpc',
  'CreateDefaultVpc',
  'DeleteVpc',
  'ModifyVpcAttribute',
  'DescribeVpcAttribute',
  'AssociateVpcCidrBlock',
  'DisassociateVpcCidrBlock',
  'CreateSubnet',
  'DeleteSubnet',
  'ModifySubnetAttribute',
  'CreateInternetGateway',
  'AttachInternetGateway',
  'DetachInternetGateway',
  'DeleteInternetGateway',
  'DescribeInternetGateways',
  'CreateRouteTable',
  'DeleteRouteTable',
  'DescribeRouteTables',
  'CreateRoute',
  'ReplaceRoute',
  'DeleteRoute',
  'AssociateRouteTable',
  'DisassociateRouteTable',
  'ReplaceRouteTableAssociation',
  'CreateNetworkAcl',
  'DeleteNetworkAcl',
  'DescribeNetworkAcls',
  'CreateNetworkAclEntry',
  'ReplaceNetworkAclEntry',
  'DeleteNetworkAclEntry',
  'ReplaceNetworkAclAssociation',
] as const satisfies readonly Ec2OperationName[];
