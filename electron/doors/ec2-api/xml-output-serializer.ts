/**
 * An operation's output (the SDK v3 shape the engine answers) → EC2's XML response, by walking the
 * output shape of AWS's model: elements are named by `locationName` (EC2's lowerCamel names) or the
 * member name, lists are `<name><item>…</item></name>`, booleans `true`/`false`, timestamps ISO 8601
 * with milliseconds. Members the model does not know are left out; an operation with no output
 * answers `<return>true</return>`, as EC2 does. See EC2 API Reference: Query API responses.
 */
import { resolveShape, type Shape } from '../common/ec2-model';
import { escapeXml } from './xml-text';

export const EC2_XML_NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15/';

export function serializeOutput(
  operation: string,
  shape: Shape | undefined,
  output: unknown,
  requestId: string,
): string {
  const body = shape ? writeMembers(shape, output) : '<return>true</return>';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<${operation}Response xmlns="${EC2_XML_NAMESPACE}"><requestId>${escapeXml(requestId)}</requestId>` +
    `${body}</${operation}Response>`
  );
}

/** An element to write: its tags made once, since a reply may list a thousand instances. */
interface Element {
  /** The SDK member name to read from the output (structures only). */
  name: string;
  shape: Shape;
  open: string;
  close: string;
  empty: string;
}

const membersCache = new WeakMap<Shape, Element[]>();
const listItemCache = new WeakMap<Shape, Element>();

function makeElement(name: string, tag: string, shape: Shape): Element {
  return { name, shape, open: `<${tag}>`, close: `</${tag}>`, empty: `<${tag}/>` };
}

function membersOf(shape: Shape): Element[] {
  let members = membersCache.get(shape);
  if (!members) {
    members = Object.entries(shape.members).map(([name, ref]) => {
      const member = resolveShape(ref);
      return makeElement(name, member.locationName ?? name, member);
    });
    membersCache.set(shape, members);
  }
  return members;
}

function listItemOf(shape: Shape): Element {
  let item = listItemCache.get(shape);
  if (!item) {
    const member = resolveShape(shape.member ?? {});
    item = makeElement('', member.locationName ?? 'member', member);
    listItemCache.set(shape, item);
  }
  return item;
}

function writeMembers(shape: Shape, value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const record = value as Record<string, unknown>;
  let xml = '';
  for (const member of membersOf(shape)) {
    if (Object.hasOwn(record, member.name)) xml += write(member, record[member.name]);
  }
  return xml;
}

function write(element: Element, value: unknown): string {
  if (value === undefined || value === null) return '';
  const { shape } = element;
  switch (shape.type) {
    case 'structure':
      return element.open + writeMembers(shape, value) + element.close;
    case 'list': {
      const items = Array.isArray(value) ? value : [value];
      if (items.length === 0) return element.empty;
      const item = listItemOf(shape);
      let xml = element.open;
      for (const entry of items) xml += write(item, entry);
      return xml + element.close;
    }
    case 'map': {
      const key = resolveShape(shape.key ?? {});
      const mapValue = resolveShape(shape.value ?? {});
      const keyElement = makeElement('', key.locationName ?? 'key', key);
      const valueElement = makeElement('', mapValue.locationName ?? 'value', mapValue);
      let xml = element.open;
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        xml += `<entry>${write(keyElement, k)}${write(valueElement, v)}</entry>`;
      }
      return xml + element.close;
    }
    default:
      return element.open + escapeXml(scalarText(shape, value)) + element.close;
  }
}

function scalarText(shape: Shape, value: unknown): string {
  switch (shape.type) {
    case 'timestamp': {
      const date = value instanceof Date ? value : new Date(value as string | number);
      // An unreadable date is an engine bug; send what we got rather than fail the whole reply.
      return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
    }
    case 'blob':
      return value instanceof Uint8Array ? Buffer.from(value).toString('base64') : String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return String(value);
  }
}
