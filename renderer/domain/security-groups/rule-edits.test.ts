/** What Save rules asks of EC2: edited rules modified in place, new rows authorized, deleted rows revoked. */
import { describe, expect, it } from 'vitest';
import { newRow, type RuleRow } from './rule-form';
import { ruleEdits, toRuleRequest } from './rule-edits';

const ssh: RuleRow = {
  ruleId: 'sgr-0aaaaaaaaaaaaaaa1',
  type: 'ssh',
  portRange: '22',
  source: 'custom',
  cidr: '10.0.0.0/8',
  description: '',
};
const web: RuleRow = {
  ruleId: 'sgr-0aaaaaaaaaaaaaaa2',
  type: 'http',
  portRange: '80',
  source: 'anywhere',
  cidr: '0.0.0.0/0',
  description: 'site',
};

describe('rule edits', () => {
  it('asks nothing when nothing changed', () => {
    expect(ruleEdits([ssh, web], [{ ...ssh }, { ...web }])).toEqual({ added: [], modified: [], removedIds: [] });
  });

  it('modifies an edited rule by its id, authorizes a new row and revokes a deleted one', () => {
    const edits = ruleEdits(
      [ssh, web],
      [{ ...ssh, cidr: '203.0.113.5/32', description: 'me' }, newRow('https', 'anywhere', '0.0.0.0/0')],
    );
    expect(edits.modified).toEqual([
      {
        SecurityGroupRuleId: ssh.ruleId,
        SecurityGroupRule: {
          IpProtocol: 'tcp',
          FromPort: 22,
          ToPort: 22,
          CidrIpv4: '203.0.113.5/32',
          Description: 'me',
        },
      },
    ]);
    expect(edits.added).toEqual([
      { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
    ]);
    expect(edits.removedIds).toEqual([web.ruleId]);
  });

  it('reuses a deleted rule for a new row that says the same (only its description may differ)', () => {
    const again = { ...web, ruleId: undefined, description: 'new text' };
    expect(ruleEdits([ssh, web], [ssh, again])).toEqual({
      added: [],
      modified: [
        {
          SecurityGroupRuleId: web.ruleId,
          SecurityGroupRule: {
            IpProtocol: 'tcp',
            FromPort: 80,
            ToPort: 80,
            CidrIpv4: '0.0.0.0/0',
            Description: 'new text',
          },
        },
      ],
      removedIds: [],
    });
    expect(ruleEdits([web], [{ ...web, ruleId: undefined }])).toEqual({ added: [], modified: [], removedIds: [] });
  });

  it('writes each peer kind and all traffic as EC2 rule requests', () => {
    expect(toRuleRequest({ ...newRow('all-traffic'), cidr: 'sg-0123456789abcdef0' })).toEqual({
      IpProtocol: '-1',
      FromPort: -1,
      ToPort: -1,
      ReferencedGroupId: 'sg-0123456789abcdef0',
    });
    expect(toRuleRequest({ ...newRow('custom-udp'), portRange: '1000-2000', cidr: '2001:db8::/32' })).toMatchObject({
      IpProtocol: 'udp',
      FromPort: 1000,
      ToPort: 2000,
      CidrIpv6: '2001:db8::/32',
    });
  });
});
