/**
 * The permissions an Authorize* or Revoke* request names: its `IpPermissions`, or the older
 * top-level members (`IpProtocol`, `FromPort`, `ToPort`, `CidrIp`, `SourceSecurityGroupName`) that
 * the AWS CLI's `--protocol --port --cidr` send, as one permission.
 * EC2 API Reference: API_AuthorizeSecurityGroupIngress.
 */
import type { IpPermission } from '@aws-sdk/client-ec2';

export interface PermissionMembers {
  IpPermissions?: IpPermission[];
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  CidrIp?: string;
  SourceSecurityGroupName?: string;
}

export function permissionsOf(request: PermissionMembers): IpPermission[] | undefined {
  if (request.IpPermissions?.length) return request.IpPermissions;
  if (
    request.IpProtocol === undefined &&
    request.CidrIp === undefined &&
    request.SourceSecurityGroupName === undefined
  ) {
    return undefined;
  }
  // Without a protocol, a named source group means all traffic from it (API_AuthorizeSecurityGroupIngress).
  return [
    {
      IpProtocol: request.IpProtocol ?? '-1',
      FromPort: request.FromPort,
      ToPort: request.ToPort,
      IpRanges: request.CidrIp !== undefined ? [{ CidrIp: request.CidrIp }] : undefined,
      UserIdGroupPairs:
        request.SourceSecurityGroupName !== undefined ? [{ GroupName: request.SourceSecurityGroupName }] : undefined,
    },
  ];
}
