/** The activity log's records (lab-wide, not an AWS resource): kept with the lab and checked on import. */
import { anyText, checkFields, count, flag, listOf, oneOf, optional, shape, text, time } from '../import-checks';
import { defineFamily } from '../resource-family';
import { ACTIVITY } from './activity-record';

export const ACTIVITY_FAMILY = defineFamily({
  name: 'activity',
  collection: ACTIVITY,
  importCheck: checkFields({
    EventId: text,
    sequence: count,
    EventTime: time,
    EventName: text,
    Caller: oneOf(['console', 'cli', 'sdk', 'api']),
    Region: text,
    ReadOnly: flag,
    Parameters: shape({}),
    ResourceIds: listOf(text),
    ErrorCode: optional(text),
    ErrorMessage: optional(anyText),
    CliCommand: text,
  }),
  handlers: {},
});
