/** The lab's own settings record: its account id, the clock, and the notices waiting for the learner. */
import type { ClockSpeed, LabNotice } from '../../../shared/lab-operations';
import { checkFields, list, text, time } from '../import-checks';
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

export const SETTINGS: RecordCollection<LabSettingsRecord> = { name: 'settings' };

export const SETTINGS_FAMILY = defineFamily({
  name: 'settings',
  collection: SETTINGS,
  importCheck: checkFields({ accountId: text, clockNow: time, notices: list }),
  handlers: {},
});
