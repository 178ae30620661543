/** The lab's own settings record: its account id, the clock, and the notices waiting for the learner. */
import { CLOCK_SPEEDS, type ClockSpeed, type LabNotice } from '../../../shared/lab-operations';
import { checkFields, ipv4, listOf, oneOf, optional, region, shape, text, time } from '../import-checks';
import { defineFamily } from '../resource-family';
import type { RecordCollection } from '../state/repository';

export interface LabSettingsRecord {
  id: 'settings';
  /** The lab account's 12-digit id, random per install. */
  accountId: string;
  clockNow: number;
  clockSpeed: ClockSpeed;
  notices: LabNotice[];
  /** The learner's laptop's public IPv4 ("My IP"), in 203.0.113.0/24 (RFC 5737, documentation). */
  laptopPublicIp?: string;
  /** Regions whose default VPC the learner deleted: none is made again until CreateDefaultVpc. */
  regionsWithoutDefaultVpc?: string[];
}

export const SETTINGS_ID = 'settings';

export const SETTINGS: RecordCollection<LabSettingsRecord> = { name: 'settings', idOf: (r) => r.id };

export const SETTINGS_FAMILY = defineFamily({
  name: 'settings',
  collection: SETTINGS,
  importCheck: checkFields({
    id: oneOf([SETTINGS_ID]),
    accountId: (v) => typeof v === 'string' && /^\d{12}$/.test(v),
    clockNow: time,
    clockSpeed: oneOf(CLOCK_SPEEDS),
    laptopPublicIp: optional(ipv4),
    regionsWithoutDefaultVpc: optional(listOf(region, 64)),
    notices: listOf(
      shape({
        code: oneOf(['StateRecovered', 'StateReset', 'StateImported', 'RecordQuarantined']),
        message: text,
        path: optional(text),
        record: optional(text),
        problem: optional(text),
        at: time,
      }),
      50,
    ),
  }),
  handlers: {},
});
