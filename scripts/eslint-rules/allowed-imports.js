/**
 * ESLint rule `local/allowed-imports`: the layers of the house as allow-lists (VS Code's
 * `local/code-import-patterns`). The table in eslint.config.js says, per group of files, what they
 * MAY import; an import no matching entry grants is an error. A file that no entry names may import
 * nothing at all, so a new folder is closed until the table opens it.
 *
 * A table entry: `{ layer, files, paths?, packages? }`.
 * - `files`: globs of the files it covers (repository-relative; `*`, `**`, `?`, `{a,b}`). Every
 *   entry that covers a file adds its grants: later entries only ever widen (e.g. tests).
 * - `paths`: globs of the repository files they may import, named without a .ts/.js extension
 *   (`electron/doors/door-engine`, `shared/**`).
 * - `packages`: package names (`vue`, `@aws-sdk/client-ec2`), or a prefix ending in `*`
 *   (`node:*`, `@smithy/*`), or `*` for any. A Node built-in named without `node:` counts as `node:`.
 * Any grant may be `{ pattern, typeOnly: true }`: then only `import type` (or imports whose every
 * specifier is `type`) may use it, because such imports vanish from the bundle.
 */
import { builtinModules } from 'node:module';
import { isAbsolute, posix, relative, sep } from 'node:path';

const builtins = new Set(builtinModules);
const sourceExtension = /\.(ts|mts|cts|js|mjs|cjs)$/;

/** A glob as a RegExp: `**` any path (or none, before `/`), `*` and `?` within one segment, `{a,b}`. */
function globToRegExp(glob) {
  let source = '';
  let braces = 0;
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index];
    if (char === '*' && glob[index + 1] === '*') {
      if (glob[index + 2] === '/') {
        source += '(?:.*/)?';
        index += 2;
      } else {
        source += '.*';
        index += 1;
      }
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') {
      braces++;
      source += '(?:';
    } else if (char === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (char === ',' && braces > 0) source += '|';
    else source += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

const grant = (entry) => (typeof entry === 'string' ? { pattern: entry, typeOnly: false } : entry);

function compile(table) {
  return table.map((entry) => ({
    layer: entry.layer,
    files: entry.files.map(globToRegExp),
    paths: (entry.paths ?? []).map(grant).map((g) => ({ ...g, matches: pathMatcher(g.pattern) })),
    packages: (entry.packages ?? []).map(grant).map((g) => ({ ...g, matches: packageMatcher(g.pattern) })),
  }));
}

function pathMatcher(pattern) {
  const glob = globToRegExp(pattern);
  return (path) => glob.test(path);
}

function packageMatcher(pattern) {
  if (pattern === '*') return () => true;
  if (pattern.endsWith('*')) return (name) => name.startsWith(pattern.slice(0, -1));
  return (name) => name === pattern;
}

/** A bare specifier's package: `@scope/name`, `name`, or `node:name` (subpaths dropped). */
function packageName(specifier) {
  if (specifier.startsWith('node:')) return `node:${specifier.slice(5).split('/')[0]}`;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return builtins.has(name) ? `node:${name}` : name;
}

/** What an import names: a repository path (extension and `?query` dropped) or a package. */
function target(specifier, fileDirectory) {
  const bare = specifier.split('?')[0];
  if (bare.startsWith('.') || bare.startsWith('/')) {
    const path = posix.normalize(posix.join(fileDirectory, bare)).replace(sourceExtension, '');
    return { kind: 'path', name: path };
  }
  return { kind: 'package', name: packageName(bare) };
}

function isTypeOnlyImport(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return (
    specifiers.length > 0 &&
    specifiers.every((specifier) => specifier.importKind === 'type' || specifier.exportKind === 'type')
  );
}

/** @type {import('eslint').Rule.RuleModule} */
const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only what the allow-list table in eslint.config.js grants it.' },
    schema: false,
    messages: {
      notAllowed:
        "{{file}} ({{layers}}) may not import '{{specifier}}': the allow-list in eslint.config.js does not grant it.",
      typeOnly: "{{file}} ({{layers}}) may import '{{specifier}}' only as types (`import type`).",
      noLayer:
        "{{file}} is in no layer of the allow-list in eslint.config.js, so it may import nothing ('{{specifier}}'): give its folder an entry.",
    },
  },
  create(context) {
    const [{ layers = [] } = {}] = context.options;
    const table = compile(layers);
    const absolute = context.filename;
    const file = (isAbsolute(absolute) ? relative(context.cwd, absolute) : absolute).split(sep).join('/');
    const entries = table.filter((entry) => entry.files.some((glob) => glob.test(file)));
    const layerNames = [...new Set(entries.map((entry) => entry.layer))].join(', ');
    const fileDirectory = posix.dirname(file);

    function check(node, source, typeOnly) {
      if (!source || typeof source.value !== 'string') return;
      const specifier = source.value;
      const data = { file, layers: layerNames, specifier };
      if (entries.length === 0) {
        context.report({ node: source, messageId: 'noLayer', data });
        return;
      }
      const { kind, name } = target(specifier, fileDirectory);
      const grants = entries
        .flatMap((entry) => (kind === 'path' ? entry.paths : entry.packages))
        .filter((g) => g.matches(name));
      if (grants.length === 0) context.report({ node: source, messageId: 'notAllowed', data });
      else if (!typeOnly && grants.every((g) => g.typeOnly))
        context.report({ node: source, messageId: 'typeOnly', data });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source, isTypeOnlyImport(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source, isTypeOnlyImport(node)),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source, false),
      // typescript-eslint 8 names the specifier `source`; older versions `argument.literal`.
      TSImportType: (node) => check(node, node.source ?? node.argument?.literal, true),
      CallExpression: (node) => {
        const [argument] = node.arguments;
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && argument?.type === 'Literal') {
          check(node, argument, false);
        }
      },
    };
  },
};

export default { meta: { name: 'local' }, rules: { 'allowed-imports': allowedImports } };
