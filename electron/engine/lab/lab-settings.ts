/** The lab's own settings record: its account id, the clock, and the notices waiting for the learner. */
import { CLOCK_SPEEDS, type ClockSpeed, type LabNotice } from '../../../shared/lab-operations';
import { checkFields, listOf, oneOf, optional, shape, text, time } from '../import-checks';
import { defineFamily } from '../resource-family';
import type { RecordCollection } from '../state/repository';

export interface LabSettingsRecord {
  id: 'settings';
  /** The lab account's 12-digit id, random per install. */
  accountId: string;
  clockNow: number;
  clockSpeed: ClockSpeed;
  notices: LabNotice[];
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
    notices: listOf(
      shape({
        code: oneOf(['StateRecovered', 'StateReset', 'StateImported', 'RecordQuarantined']),
        message: text,
        path: optional(text),
        at: time,
      }),
      50,
    ),
  }),
  handlers: {},
});
