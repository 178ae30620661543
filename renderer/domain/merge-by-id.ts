/**
 * A list after some of its items were described again: each re-described item takes its old place,
 * a requested id the describe no longer answers drops out (deleted), and a new id goes to the end.
 * Items not requested stay the same objects, so a view memoized on them does not render them again.
 */
export function mergeById<T>(
  list: readonly T[],
  idOf: (item: T) => string,
  requestedIds: readonly string[],
  fresh: readonly T[],
): T[] {
  const freshById = new Map(fresh.map((item) => [idOf(item), item]));
  const requested = new Set(requestedIds);
  const seen = new Set<string>();
  const next: T[] = [];
  for (const item of list) {
    const id = idOf(item);
    seen.add(id);
    if (!requested.has(id)) next.push(item);
    else {
      const replacement = freshById.get(id);
      if (replacement) next.push(replacement);
    }
  }
  for (const item of fresh) if (!seen.has(idOf(item))) next.push(item);
  return next;
}
