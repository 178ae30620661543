/**
 * CreateNetworkAcl, DeleteNetworkAcl and ReplaceNetworkAclAssociation. A new ACL has no entries
 * (it denies everything) until entries are added; the default ACL cannot be deleted, nor an ACL a
 * subnet is associated with (`DependencyViolation`). ReplaceNetworkAclAssociation moves a subnet to
 * another ACL of its VPC under a new association id. EC2 API Reference: API_CreateNetworkAcl,
 * API_DeleteNetworkAcl, API_ReplaceNetworkAclAssociation; VPC User Guide: vpc-network-acls.
 */
import type {
  CreateNetworkAclRequest,
  CreateNetworkAclResult,
  DeleteNetworkAclRequest,
  ReplaceNetworkAclAssociationRequest,
  ReplaceNetworkAclAssociationResult,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { tagsOnCreation } from '../tags/tags-on-creation';
import { VPCS } from '../vpcs/vpc-record';
import { toNetworkAcl } from './describe-network-acls';
import { NETWORK_ACLS } from './network-acl-record';
import { newAclAssociationId, newNetworkAcl } from './new-network-acl';

export function createNetworkAcl(
  ctx: EngineContext,
  region: string,
  request: CreateNetworkAclRequest,
): CreateNetworkAclResult {
  if (!request.VpcId) throw errors.missingParameter('VpcId');
  const [vpc] = findRecords(ctx, region, VPCS, [request.VpcId]);
  const tags = tagsOnCreation(request.TagSpecifications, 'network-acl');
  if (request.ClientToken) {
    const earlier = ctx
      .records(NETWORK_ACLS)
      .inRegion(region)
      .find((acl) => acl.clientToken === request.ClientToken);
    if (earlier) return { NetworkAcl: toNetworkAcl(earlier), ClientToken: request.ClientToken };
  }
  const acl = newNetworkAcl(ctx, region, vpc!.vpcId, { tags });
  if (request.ClientToken) ctx.records(NETWORK_ACLS).touch(acl.networkAclId).clientToken = request.ClientToken;
  ctx.changed(region, 'network-acl', acl.networkAclId);
  return { NetworkAcl: toNetworkAcl(acl), ClientToken: request.ClientToken };
}

export function deleteNetworkAcl(
  ctx: EngineContext,
  region: string,
  request: DeleteNetworkAclRequest,
): Record<string, never> {
  if (!request.NetworkAclId) throw errors.missingParameter('NetworkAclId');
  const [acl] = findRecords(ctx, region, NETWORK_ACLS, [request.NetworkAclId]);
  if (acl!.isDefault) throw errors.defaultNetworkAclCannotDelete(acl!.networkAclId);
  if (acl!.associations.length) throw errors.hasDependencies('networkAcl', acl!.networkAclId);
  ctx.records(NETWORK_ACLS).delete(acl!.networkAclId);
  ctx.changed(region, 'network-acl', acl!.networkAclId);
  return {};
}

export function replaceNetworkAclAssociation(
  ctx: EngineContext,
  region: string,
  request: ReplaceNetworkAclAssociationRequest,
): ReplaceNetworkAclAssociationResult {
  if (!request.AssociationId) throw errors.missingParameter('AssociationId');
  if (!request.NetworkAclId) throw errors.missingParameter('NetworkAclId');
  const from = ctx
    .records(NETWORK_ACLS)
    .inRegion(region)
    .find((acl) => acl.associations.some((a) => a.associationId === request.AssociationId));
  if (!from) throw errors.associationIdNotFound(request.AssociationId);
  const [to] = findRecords(ctx, region, NETWORK_ACLS, [request.NetworkAclId]);
  if (to!.vpcId !== from.vpcId) {
    throw errors.invalidParameterValue(
      `Network acl ${to!.networkAclId} and association ${request.AssociationId} belong to different networks`,
    );
  }
  const subnetId = from.associations.find((a) => a.associationId === request.AssociationId)!.subnetId;
  const source = ctx.records(NETWORK_ACLS).touch(from.networkAclId);
  source.associations = source.associations.filter((a) => a.associationId !== request.AssociationId);
  const associationId = newAclAssociationId(ctx);
  ctx.records(NETWORK_ACLS).touch(to!.networkAclId).associations.push({ associationId, subnetId });
  ctx.changed(region, 'network-acl', from.networkAclId);
  ctx.changed(region, 'network-acl', to!.networkAclId);
  return { NewAssociationId: associationId };
}
