/** DescribeInternetGateways. EC2 API Reference: API_DescribeInternetGateways, API_InternetGateway. */
import type {
  AttachmentStatus,
  DescribeInternetGatewaysRequest,
  DescribeInternetGatewaysResult,
  InternetGateway,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { describeRecords } from '../describe';
import { INTERNET_GATEWAYS, type InternetGatewayRecord } from './internet-gateway-record';

export function describeInternetGateways(
  ctx: EngineContext,
  region: string,
  request: DescribeInternetGatewaysRequest,
): DescribeInternetGatewaysResult {
  const page = describeRecords(ctx, region, INTERNET_GATEWAYS, request.InternetGatewayIds, request, {
    filters: {
      'internet-gateway-id': (g) => g.internetGatewayId,
      'attachment.vpc-id': (g) => g.vpcId,
      // An attached gateway's attachment is `available` (API_InternetGatewayAttachment).
      'attachment.state': (g) => (g.vpcId ? 'available' : undefined),
      'owner-id': (g) => g.ownerId,
    },
    paging: { min: 5, max: 1000, scope: `internet-gateways:${region}` },
    shape: toInternetGateway,
  });
  return { InternetGateways: page.items, NextToken: page.nextToken };
}

export function toInternetGateway(g: InternetGatewayRecord): InternetGateway {
  return {
    // EC2 answers `available` for an attached internet gateway, a value the SDK's AttachmentStatus type lacks.
    Attachments: g.vpcId ? [{ State: 'available' as AttachmentStatus, VpcId: g.vpcId }] : [],
    InternetGatewayId: g.internetGatewayId,
    OwnerId: g.ownerId,
    Tags: g.tags.map((t) => ({ ...t })),
  };
}
