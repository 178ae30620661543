/**
 * No circular imports (STYLE.md): the source files of electron/, shared/ and renderer/ (tests
 * aside), joined by their relative imports, type-only ones included, form no loop. A loop is named
 * file by file, so the change that closed it is easy to find.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const FOLDERS = ['electron', 'shared', 'renderer'];
const SOURCE = /\.(ts|vue)$/;
const TEST = /\.(test|spec)\.ts$|\/testing\/|\/test-support\/|\/test-fixtures\//;
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\s*['"](\.[^'"]+)['"]/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return SOURCE.test(name) && !TEST.test(path) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string, files: Set<string>): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.vue`, join(base, 'index.ts')].find((candidate) => files.has(candidate));
}

/** Tarjan's strongly connected components with more than one file (or a file importing itself). */
function loops(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    order.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, order.get(next)!));
      }
    }
    if (low.get(node) === order.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)?.includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!order.has(node)) visit(node);
  return found;
}

describe('imports', () => {
  it('form no circle', () => {
    const files = FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder)));
    const known = new Set(files);
    const graph = new Map(
      files.map((file) => {
        const text = readFileSync(file, 'utf8');
        const targets = [...text.matchAll(IMPORT)]
          .map((match) => resolveImport(file, match[1] ?? match[2]!, known))
          .filter((target): target is string => target !== undefined);
        return [file, targets];
      }),
    );
    expect(files.length).toBeGreaterThan(300);
    expect([...graph.values()].flat().length).toBeGreaterThan(1000);
    expect(loops(graph).map((loop) => loop.map((file) => relative(ROOT, file)))).toEqual([]);
  });
});
