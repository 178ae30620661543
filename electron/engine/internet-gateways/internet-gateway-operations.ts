/**
 * CreateInternetGateway, AttachInternetGateway, DetachInternetGateway and DeleteInternetGateway.
 * A gateway attaches to one VPC and a VPC takes one gateway (`Resource.AlreadyAssociated`,
 * `InvalidParameterValue`); detaching one not attached to that VPC is `Gateway.NotAttached`; an
 * attached gateway cannot be deleted (`DependencyViolation`). Routes to a detached or deleted gateway
 * become `blackhole`. EC2 API Reference: API_CreateInternetGateway, API_AttachInternetGateway,
 * API_DetachInternetGateway, API_DeleteInternetGateway; VPC User Guide: VPC_Internet_Gateway.
 */
import type {
  AttachInternetGatewayRequest,
  CreateInternetGatewayRequest,
  CreateInternetGatewayResult,
  DeleteInternetGatewayRequest,
  DetachInternetGatewayRequest,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import type { Tag } from '../resource-collection';
import { tagsOnCreation } from '../tags/tags-on-creation';
import { VPCS } from '../vpcs/vpc-record';
import { INTERNET_GATEWAYS, gatewayOfVpc, type InternetGatewayRecord } from './internet-gateway-record';
import { toInternetGateway } from './describe-internet-gateways';

/** Makes a gateway record, attached to `vpcId` when given (the default VPC's); the caller announces it. */
export function newInternetGateway(
  ctx: EngineContext,
  region: string,
  tags: Tag[],
  vpcId?: string,
): InternetGatewayRecord {
  const internetGatewayId = ctx.ids.next('igw');
  const record = ctx
    .records(INTERNET_GATEWAYS)
    .put(internetGatewayId, { internetGatewayId, region, ownerId: ctx.accountId(), vpcId, tags });
  return record;
}

export function createInternetGateway(
  ctx: EngineContext,
  region: string,
  request: CreateInternetGatewayRequest,
): CreateInternetGatewayResult {
  const gateway = newInternetGateway(ctx, region, tagsOnCreation(request.TagSpecifications, 'internet-gateway'));
  ctx.changed(region, 'internet-gateway', gateway.internetGatewayId);
  return { InternetGateway: toInternetGateway(gateway) };
}

export function attachInternetGateway(
  ctx: EngineContext,
  region: string,
  request: AttachInternetGatewayRequest,
): Record<string, never> {
  const [gateway, vpc] = gatewayAndVpc(ctx, region, request);
  if (gateway.vpcId) throw errors.gatewayAlreadyAttached(gateway.internetGatewayId, gateway.vpcId);
  if (gatewayOfVpc(ctx.records(INTERNET_GATEWAYS).inRegion(region), vpc)) throw errors.vpcHasGateway(vpc);
  ctx.records(INTERNET_GATEWAYS).touch(gateway.internetGatewayId).vpcId = vpc;
  ctx.changed(region, 'internet-gateway', gateway.internetGatewayId);
  return {};
}

export function detachInternetGateway(
  ctx: EngineContext,
  region: string,
  request: DetachInternetGatewayRequest,
): Record<string, never> {
  const [gateway, vpc] = gatewayAndVpc(ctx, region, request);
  if (gateway.vpcId !== vpc) throw errors.gatewayNotAttached(gateway.internetGatewayId, vpc);
  ctx.records(INTERNET_GATEWAYS).touch(gateway.internetGatewayId).vpcId = undefined;
  ctx.changed(region, 'internet-gateway', gateway.internetGatewayId);
  return {};
}

export function deleteInternetGateway(
  ctx: EngineContext,
  region: string,
  request: DeleteInternetGatewayRequest,
): Record<string, never> {
  if (!request.InternetGatewayId) throw errors.missingParameter('InternetGatewayId');
  const [gateway] = findRecords(ctx, region, INTERNET_GATEWAYS, [request.InternetGatewayId]);
  if (gateway!.vpcId) throw errors.hasDependencies('internetGateway', gateway!.internetGatewayId);
  ctx.records(INTERNET_GATEWAYS).delete(gateway!.internetGatewayId);
  ctx.changed(region, 'internet-gateway', gateway!.internetGatewayId);
  return {};
}

function gatewayAndVpc(
  ctx: EngineContext,
  region: string,
  request: { InternetGatewayId?: string; VpcId?: string },
): [InternetGatewayRecord, string] {
  if (!request.InternetGatewayId) throw errors.missingParameter('InternetGatewayId');
  if (!request.VpcId) throw errors.missingParameter('VpcId');
  const [gateway] = findRecords(ctx, region, INTERNET_GATEWAYS, [request.InternetGatewayId]);
  const [vpc] = findRecords(ctx, region, VPCS, [request.VpcId]);
  return [gateway!, vpc!.vpcId];
}
