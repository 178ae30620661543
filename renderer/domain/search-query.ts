/** The console's "Find" boxes: an item matches when every word typed stands somewhere in its text, in any case. */
export function matchesQuery(query: string, fields: readonly (string | undefined)[]): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = fields.filter(Boolean).join(' ').toLowerCase();
  return words.every((word) => text.includes(word));
}
