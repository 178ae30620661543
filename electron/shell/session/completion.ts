/**
 * Tab completion as bash does it by default: the first word completes to a command name, any other
 * to a path (a directory gets a `/`, a file a space); several matches complete to their common
 * prefix, and a second Tab lists them.
 */

export interface CompletionSource {
  commands(): string[];
  /** The entries of a directory (absolute path), or [] if it cannot be read. */
  list(directory: string): { name: string; directory: boolean }[];
  cwd: string;
  home: string;
}

export interface Completion {
  /** Text to insert at the cursor; empty if nothing is certain. */
  insert: string;
  /** Every match (for the listing on a second Tab). */
  candidates: string[];
}

function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0]!;
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

export function completeLine(line: string, cursor: number, source: CompletionSource): Completion {
  const before = line.slice(0, cursor);
  const start = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\t')) + 1;
  const word = before.slice(start);
  const firstWord = before.slice(0, start).trim() === '' || /[|;&]\s*$/.test(before.slice(0, start));
  if (firstWord && !word.includes('/')) {
    const matches = [...new Set(source.commands().filter((name) => name.startsWith(word)))].sort();
    return finish(word, matches, (match) => (matches.length === 1 ? `${match} ` : match));
  }
  const slash = word.lastIndexOf('/');
  const typedDirectory = slash >= 0 ? word.slice(0, slash + 1) : '';
  const partial = word.slice(slash + 1);
  const expanded = typedDirectory.startsWith('~') ? source.home + typedDirectory.slice(1) : typedDirectory;
  const directory = expanded.startsWith('/') ? expanded || '/' : `${source.cwd}/${expanded}`;
  const entries = source
    .list(directory)
    .filter((entry) => entry.name.startsWith(partial) && (partial.startsWith('.') || !entry.name.startsWith('.')));
  const names = entries.map((entry) => entry.name + (entry.directory ? '/' : '')).sort();
  return finish(partial, names, (match) => (names.length === 1 && !match.endsWith('/') ? `${match} ` : match));
}

function finish(typed: string, matches: string[], decorate: (match: string) => string): Completion {
  if (matches.length === 0) return { insert: '', candidates: [] };
  const prefix = matches.length === 1 ? decorate(matches[0]!) : commonPrefix(matches);
  return { insert: prefix.slice(typed.length), candidates: matches };
}
