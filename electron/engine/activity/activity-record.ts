/** An activity log entry as the engine keeps it: the shared ActivityEvent plus its place in order. */
import type { ActivityEvent } from '../../../shared/lab-operations';
import type { RecordCollection } from '../state/repository';

export interface ActivityRecord extends ActivityEvent {
  /** Increases with every call, across restarts; newest first sorts by it. */
  sequence: number;
}

/** Entries are written once and never changed: kept for rollback as they are, without a copy. */
export const ACTIVITY: RecordCollection<ActivityRecord> = { name: 'activity', idOf: (r) => r.EventId, immutable: true };
