/**
 * Security groups of the selected region (DescribeSecurityGroups, DescribeSecurityGroupRules), the
 * laptop's public IP ("My IP", GetLaptop), and the console's create, delete and rule edits. A
 * 'security-group' event describes the region's groups again: they are few. Editing rules is what
 * the console does: authorize the new ones, modify the edited ones, revoke the removed ones by id.
 * EC2 User Guide: working-with-security-groups; VPC User Guide: security-group-rules.
 */
import { defineStore, storeToRefs } from 'pinia';
import { ref } from 'vue';
import type { IpPermission, SecurityGroup, SecurityGroupRule } from '@aws-sdk/client-ec2';
import { ec2, lab } from '../api/client';
import { toCliCommand } from '../../shared/cli-command';
import type { RuleEdits } from '../domain/security-groups/rule-edits';
import { registerLabData } from './engine-events';
import { useRegionStore } from './region';

export interface NewSecurityGroup {
  name: string;
  description: string;
  vpcId: string;
  inbound: IpPermission[];
  outbound: IpPermission[];
}

export const useSecurityGroupsStore = defineStore('security-groups', () => {
  const { selected: region } = storeToRefs(useRegionStore());
  const groups = ref<SecurityGroup[]>([]);
  const rules = ref<SecurityGroupRule[]>([]);
  const myIp = ref<string | undefined>();
  const loading = ref(false);
  /** Counts loads, so views that ask the engine about groups (reachability) know to ask again. */
  const version = ref(0);

  async function load(): Promise<void> {
    const regionName = region.value;
    loading.value = true;
    try {
      const [described, describedRules] = await Promise.all([
        ec2.DescribeSecurityGroups(regionName, {}),
        ec2.DescribeSecurityGroupRules(regionName, {}),
      ]);
      if (regionName !== region.value) return;
      groups.value = described.SecurityGroups ?? [];
      rules.value = describedRules.SecurityGroupRules ?? [];
      version.value += 1;
    } finally {
      loading.value = false;
    }
  }

  async function loadLaptop(): Promise<string> {
    const laptop = await lab.GetLaptop({});
    myIp.value = laptop.PublicIp;
    return laptop.PublicIp;
  }

  /** The groups of a VPC, as rule sources and destinations to choose from. */
  function groupsInVpc(vpcId: string | undefined): { id: string; name: string }[] {
    return groups.value
      .filter((group) => group.VpcId === vpcId)
      .map((group) => ({ id: group.GroupId ?? '', name: group.GroupName ?? '' }));
  }

  function rulesOf(groupId: string | undefined, egress: boolean): SecurityGroupRule[] {
    return rules.value.filter((rule) => rule.GroupId === groupId && Boolean(rule.IsEgress) === egress);
  }

  /** Creates the group, then authorizes its inbound rules and replaces the default outbound rule if asked. */
  async function create(request: NewSecurityGroup, replaceOutbound = true): Promise<{ groupId: string; cli: string }> {
    const regionName = region.value;
    const input = { GroupName: request.name, Description: request.description, VpcId: request.vpcId };
    const created = await ec2.CreateSecurityGroup(regionName, input);
    const groupId = created.GroupId!;
    try {
      if (request.inbound.length) {
        await ec2.AuthorizeSecurityGroupIngress(regionName, { GroupId: groupId, IpPermissions: request.inbound });
      }
      if (replaceOutbound) await replaceEgress(regionName, groupId, request.outbound);
    } finally {
      await load();
    }
    return { groupId, cli: toCliCommand('CreateSecurityGroup', input, regionName) };
  }

  /** A new group has the allow-all outbound rule: keep it only when the requested rules are exactly that. */
  async function replaceEgress(regionName: string, groupId: string, outbound: IpPermission[]): Promise<void> {
    const existing = (
      await ec2.DescribeSecurityGroupRules(regionName, { Filters: [{ Name: 'group-id', Values: [groupId] }] })
    ).SecurityGroupRules!.filter((rule) => rule.IsEgress);
    const allowAll = (permission: IpPermission) =>
      permission.IpProtocol === '-1' &&
      permission.IpRanges?.length === 1 &&
      permission.IpRanges[0]!.CidrIp === '0.0.0.0/0' &&
      !permission.IpRanges[0]!.Description;
    if (outbound.length === 1 && allowAll(outbound[0]!)) return;
    if (outbound.length)
      await ec2.AuthorizeSecurityGroupEgress(regionName, { GroupId: groupId, IpPermissions: outbound });
    const ids = existing.map((rule) => rule.SecurityGroupRuleId!);
    if (ids.length) await ec2.RevokeSecurityGroupEgress(regionName, { GroupId: groupId, SecurityGroupRuleIds: ids });
  }

  /**
   * Save edited inbound/outbound rules as the console does (see domain/security-groups/rule-edits):
   * authorize the new rules, change the edited ones in place by rule id, then revoke the deleted
   * ones, so a failure part way never leaves the group with fewer rules than the learner kept.
   */
  async function editRules(groupId: string, egress: boolean, edits: RuleEdits): Promise<void> {
    const regionName = region.value;
    try {
      if (edits.added.length) {
        const input = { GroupId: groupId, IpPermissions: edits.added };
        if (egress) await ec2.AuthorizeSecurityGroupEgress(regionName, input);
        else await ec2.AuthorizeSecurityGroupIngress(regionName, input);
      }
      if (edits.modified.length) {
        await ec2.ModifySecurityGroupRules(regionName, { GroupId: groupId, SecurityGroupRules: edits.modified });
      }
      if (edits.removedIds.length) {
        const input = { GroupId: groupId, SecurityGroupRuleIds: edits.removedIds };
        if (egress) await ec2.RevokeSecurityGroupEgress(regionName, input);
        else await ec2.RevokeSecurityGroupIngress(regionName, input);
      }
    } finally {
      await load();
    }
  }

  async function remove(groupId: string): Promise<string> {
    const regionName = region.value;
    const input = { GroupId: groupId };
    await ec2.DeleteSecurityGroup(regionName, input);
    await load();
    return toCliCommand('DeleteSecurityGroup', input, regionName);
  }

  function changed(regionName: string): void {
    if (regionName === region.value) load().catch(() => undefined);
  }

  return {
    groups,
    rules,
    myIp,
    loading,
    version,
    load,
    loadLaptop,
    groupsInVpc,
    rulesOf,
    create,
    editRules,
    remove,
    changed,
  };
});

registerLabData({
  storeId: useSecurityGroupsStore.$id,
  stage: 'data',
  regional: true,
  reload: async () => {
    const store = useSecurityGroupsStore();
    await Promise.all([store.load(), store.loadLaptop()]);
  },
  changed: { 'security-group': (_ids, region) => useSecurityGroupsStore().changed(region) },
});
