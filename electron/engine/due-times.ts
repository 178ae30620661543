/**
 * The clock-driven families' answer to "is anything due?" without looking at every record: each
 * scan notes the revisions of the collections it read and the earliest moment it found anything
 * due; until one of those collections changes or that moment comes, the next scan is skipped. A lab
 * of 10,000 settled instances then costs a tick nothing.
 */
const scans = new WeakMap<object, { revisions: string; dueAt: number }>();

/** Whether nothing can be due at `now` for `owner`: nothing changed since its last scan, which found nothing due before then. */
export function nothingDue(owner: object, revisions: readonly number[], now: number): boolean {
  const last = scans.get(owner);
  return last !== undefined && last.dueAt > now && last.revisions === revisions.join('/');
}

/** Notes a finished scan: the revisions it saw (after its own changes) and the earliest due moment left (Infinity for none). */
export function noteScan(owner: object, revisions: readonly number[], dueAt: number): void {
  scans.set(owner, { revisions: revisions.join('/'), dueAt });
}
