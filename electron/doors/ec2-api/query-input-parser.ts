/**
 * EC2 Query parameters → an operation's input, by walking the input shape of AWS's model: no
 * per-operation code. EC2's rules (EC2 API Reference: Query requests; aws-sdk's query serializer
 * with the `ec2` protocol): a member's parameter name is its `queryName`, else its `locationName`
 * capitalized, else the member name; lists are always flattened (`InstanceId.1`, `InstanceId.2`),
 * structures nest with dots (`Filter.1.Value.1`). The result uses the model's member names, which
 * are the SDK v3 names the engine takes (`InstanceIds`, `Filters[0].Values`).
 */
import { apiErrors } from './ec2-api-errors';
import { resolveShape, type Shape } from '../common/ec2-model';

/** One dotted segment of parameter names: `Filter.1.Name=x` is Filter → 1 → Name (value x). */
interface ParamNode {
  /** The full parameter name down to here, for error messages. */
  path: string;
  value?: string;
  children: Map<string, ParamNode>;
}

export function parseQueryInput(
  shape: Shape | undefined,
  params: ReadonlyMap<string, string>,
): Record<string, unknown> {
  const root: ParamNode = { path: '', children: new Map() };
  for (const [name, value] of params) {
    let node = root;
    for (const segment of name.split('.')) {
      let child = node.children.get(segment);
      if (!child) {
        child = { path: node.path ? `${node.path}.${segment}` : segment, children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.value = value;
  }
  if (!shape) {
    const [first] = root.children.values();
    if (first) throw apiErrors.unknownParameter(firstLeaf(first));
    return {};
  }
  return parseStructure(shape, root);
}

function parseMember(shape: Shape, node: ParamNode): unknown {
  switch (shape.type) {
    case 'structure':
      expectNoValue(node, 'structure');
      return parseStructure(shape, node);
    case 'list':
      expectNoValue(node, 'list');
      return indexed(node).map((item) => parseMember(resolveShape(shape.member!), item));
    case 'map':
      expectNoValue(node, 'map');
      return parseMap(shape, node);
    default:
      if (node.children.size > 0) throw apiErrors.unknownParameter(firstLeaf([...node.children.values()][0]!));
      return parseScalar(shape, node.path, node.value ?? '');
  }
}

/** A structure's members with their resolved shapes and query names, in the model's order. */
interface MemberEntry {
  name: string;
  queryName: string;
  shape: Shape;
}

/** Worked out once per structure of the model, not at every request. */
const structureMembers = new WeakMap<Shape, MemberEntry[]>();

function membersOf(shape: Shape): MemberEntry[] {
  let members = structureMembers.get(shape);
  if (!members) {
    members = Object.entries(shape.members).map(([name, ref]) => {
      const member = resolveShape(ref);
      return { name, queryName: ec2QueryName(name, member), shape: member };
    });
    structureMembers.set(shape, members);
  }
  return members;
}

function parseStructure(shape: Shape, node: ParamNode): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const members = membersOf(shape);
  // Each child found under a member's query name is used once (names are distinct), so counting
  // them tells whether any child is left over; which one is looked for only then.
  let used = 0;
  for (const { name, queryName, shape: member } of members) {
    const child = node.children.get(queryName);
    if (!child) continue;
    used++;
    result[name] = parseMember(member, child);
  }
  if (used < node.children.size) {
    for (const [segment, child] of node.children) {
      if (!members.some((member) => member.queryName === segment)) throw apiErrors.unknownParameter(firstLeaf(child));
    }
  }
  for (const name of shape.required) {
    if (result[name] === undefined) {
      const queryName = members.find((member) => member.name === name)?.queryName ?? name;
      throw apiErrors.missingParameter(node.path ? `${node.path}.${queryName}` : queryName);
    }
  }
  return result;
}

/** EC2's flattened maps are `Name.N.Key` / `Name.N.Value` (or the key/value locationNames). */
function parseMap(shape: Shape, node: ParamNode): Record<string, unknown> {
  const keyShape = resolveShape(shape.key ?? {});
  const valueShape = resolveShape(shape.value ?? {});
  const keyName = capitalize(keyShape.locationName ?? 'key');
  const valueName = capitalize(valueShape.locationName ?? 'value');
  const result: Record<string, unknown> = {};
  for (const entry of indexed(node)) {
    for (const [segment, child] of entry.children) {
      if (segment !== keyName && segment !== valueName) throw apiErrors.unknownParameter(firstLeaf(child));
    }
    const key = entry.children.get(keyName);
    if (!key) throw apiErrors.missingParameter(`${entry.path}.${keyName}`);
    const value = entry.children.get(valueName);
    Object.defineProperty(result, String(parseMember(keyShape, key)), {
      value: value === undefined ? undefined : parseMember(valueShape, value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}

/** The children of a list node in index order; indexes are 1, 2, … (gaps allowed, as EC2 allows). */
function indexed(node: ParamNode): ParamNode[] {
  const items: { index: string; node: ParamNode }[] = [];
  for (const [segment, child] of node.children) {
    if (!/^[1-9][0-9]*$/.test(segment)) throw apiErrors.unknownParameter(firstLeaf(child));
    items.push({ index: segment, node: child });
  }
  // Compare as digit strings: indexes can be longer than a double holds exactly.
  items.sort((a, b) => a.index.length - b.index.length || (a.index < b.index ? -1 : a.index > b.index ? 1 : 0));
  return items.map((item) => item.node);
}

function parseScalar(shape: Shape, name: string, text: string): unknown {
  switch (shape.type) {
    case 'boolean':
      if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
      throw apiErrors.invalidValue(name, text, 'Boolean');
    case 'integer': {
      const value = /^[+-]?[0-9]{1,10}$/.test(text) ? Number(text) : NaN;
      if (value >= -2147483648 && value <= 2147483647) return value;
      throw apiErrors.invalidValue(name, text, 'Integer');
    }
    case 'long': {
      const value = /^[+-]?[0-9]{1,16}$/.test(text) ? Number(text) : NaN;
      if (Number.isSafeInteger(value)) return value;
      throw apiErrors.invalidValue(name, text, 'Long');
    }
    case 'float':
    case 'double': {
      const value = /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(text) ? Number(text) : NaN;
      if (Number.isFinite(value)) return value;
      throw apiErrors.invalidValue(name, text, shape.type === 'float' ? 'Float' : 'Double');
    }
    case 'timestamp': {
      // ISO 8601 date-time, as EC2's Query protocol serializes timestamps.
      const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;
      const value = iso.test(text) ? new Date(text) : new Date(NaN);
      if (!Number.isNaN(value.getTime())) return value;
      throw apiErrors.invalidValue(name, text, 'Timestamp (ISO 8601)');
    }
    case 'blob':
      if (/^[A-Za-z0-9+/]*={0,2}$/.test(text) && text.length % 4 === 0) {
        return new Uint8Array(Buffer.from(text, 'base64'));
      }
      throw apiErrors.invalidValue(name, text, 'Base64');
    default:
      return text;
  }
}

/** EC2's parameter name for a structure member. */
export function ec2QueryName(memberName: string, member: Shape): string {
  if (member.queryName) return member.queryName;
  return member.locationName ? capitalize(member.locationName) : memberName;
}

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function expectNoValue(node: ParamNode, expected: string): void {
  // An empty value stands for an empty list or structure; any other value is not one.
  if (node.value !== undefined && node.value !== '') throw apiErrors.invalidValue(node.path, node.value, expected);
}

/** The full name of one parameter at or under `node`, to name in UnknownParameter. */
function firstLeaf(node: ParamNode): string {
  let current = node;
  while (current.value === undefined && current.children.size > 0) current = current.children.values().next().value!;
  return current.path;
}
