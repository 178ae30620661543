/** The activity log's records (lab-wide, not an AWS resource): kept with the lab and checked on import. */
import { checkFields, text, time } from '../import-checks';
import { defineFamily } from '../resource-family';
import { ACTIVITY } from './activity-record';

export const ACTIVITY_FAMILY = defineFamily({
  name: 'activity',
  collection: ACTIVITY,
  importCheck: checkFields({ EventId: text, sequence: time, EventTime: time, CliCommand: text }),
  handlers: {},
});
