/**
 * What "Save rules" in the rules editor asks of EC2, as the console asks it: rules whose row was
 * edited keep their rule id and are changed in place with ModifySecurityGroupRules (so a changed
 * description or port never makes a new `sgr-` id), new rows are authorized, deleted rows are
 * revoked by rule id. A new row that says exactly what a deleted row said reuses that rule.
 * VPC User Guide: security-group-rules ("Update security group rules"); EC2 API Reference:
 * API_ModifySecurityGroupRules, API_SecurityGroupRuleRequest.
 */
import type { IpPermission, SecurityGroupRuleRequest, SecurityGroupRuleUpdate } from '@aws-sdk/client-ec2';
import { ruleType } from './rule-types';
import { parsePortRange, toPermission, unchanged, type RuleRow } from './rule-form';

export interface RuleEdits {
  added: IpPermission[];
  modified: SecurityGroupRuleUpdate[];
  removedIds: string[];
}

export function ruleEdits(originals: readonly RuleRow[], rows: readonly RuleRow[]): RuleEdits {
  const byId = new Map(originals.filter((row) => row.ruleId).map((row) => [row.ruleId!, row]));
  const keptIds = new Set(rows.flatMap((row) => (row.ruleId && byId.has(row.ruleId) ? [row.ruleId] : [])));
  const deleted = originals.filter((row) => row.ruleId && !keptIds.has(row.ruleId));
  const modified: SecurityGroupRuleUpdate[] = [];
  const added: IpPermission[] = [];
  for (const row of rows) {
    const original = row.ruleId ? byId.get(row.ruleId) : undefined;
    if (original) {
      if (!unchanged(row, original)) modified.push(update(original.ruleId!, row));
      continue;
    }
    const sameRule = deleted.findIndex((old) => unchanged({ ...row, description: old.description }, old));
    if (sameRule >= 0) {
      const [old] = deleted.splice(sameRule, 1);
      if (!unchanged(row, old!)) modified.push(update(old!.ruleId!, row));
    } else {
      added.push(toPermission(row));
    }
  }
  return { added, modified, removedIds: deleted.map((row) => row.ruleId!) };
}

function update(ruleId: string, row: RuleRow): SecurityGroupRuleUpdate {
  return { SecurityGroupRuleId: ruleId, SecurityGroupRule: toRuleRequest(row) };
}

/** The row as EC2's SecurityGroupRuleRequest (one peer; all traffic is ports -1). */
export function toRuleRequest(row: RuleRow): SecurityGroupRuleRequest {
  const fixed = ruleType(row.type);
  const [fromPort, toPort] =
    fixed.fromPort !== undefined ? [fixed.fromPort, fixed.toPort!] : (parsePortRange(row.portRange) ?? [0, 0]);
  const request: SecurityGroupRuleRequest = { IpProtocol: fixed.protocol, FromPort: fromPort, ToPort: toPort };
  const peer = row.cidr.trim();
  if (peer.startsWith('sg-')) request.ReferencedGroupId = peer;
  else if (peer.startsWith('pl-')) request.PrefixListId = peer;
  else if (peer.includes(':')) request.CidrIpv6 = peer;
  else request.CidrIpv4 = peer;
  const description = row.description.trim();
  if (description) request.Description = description;
  return request;
}
