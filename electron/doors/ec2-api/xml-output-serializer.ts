/**
 * An operation's output (the SDK v3 shape the engine answers) → EC2's XML response, by walking the
 * output shape of AWS's model: elements are named by `locationName` (EC2's lowerCamel names) or the
 * member name, lists are `<name><item>…</item></name>`, booleans `true`/`false`, timestamps ISO 8601
 * with milliseconds. Members the model does not know are left out; an operation with no output
 * answers `<return>true</return>`, as EC2 does. See EC2 API Reference: Query API responses.
 *
 * The reply is written as a list of byte chunks. A frozen structure (the engine freezes the views
 * it keeps between calls, e.g. an unchanged instance) is written once per shape, as UTF-8 bytes kept
 * beside it for as long as the engine keeps the object: a DescribeInstances of 1,000 unchanged
 * instances sends 1,000 kept fragments, walking the model for none and building no large string.
 */
import { resolveShape, type Shape } from '../common/ec2-model';
import { escapeXml } from './xml-text';

export const EC2_XML_NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15/';

/** The reply as the bytes to send, in order. */
export function serializeOutputChunks(
  operation: string,
  shape: Shape | undefined,
  output: unknown,
  requestId: string,
): Buffer[] {
  const out = new XmlOut(true);
  out.text +=
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<${operation}Response xmlns="${EC2_XML_NAMESPACE}"><requestId>${escapeXml(requestId)}</requestId>`;
  if (shape) writeMembers(out, shape, output);
  else out.text += '<return>true</return>';
  out.text += `</${operation}Response>`;
  return out.finish();
}

export function serializeOutput(
  operation: string,
  shape: Shape | undefined,
  output: unknown,
  requestId: string,
): string {
  return Buffer.concat(serializeOutputChunks(operation, shape, output, requestId)).toString('utf8');
}

/** Text as it is written, and kept fragments (bytes) between; `keeping` is false inside a fragment being made. */
class XmlOut {
  text = '';
  private readonly chunks: Buffer[] = [];

  constructor(readonly keeping: boolean) {}

  bytes(fragment: Buffer): void {
    if (this.text) this.chunks.push(Buffer.from(this.text));
    this.text = '';
    this.chunks.push(fragment);
  }

  finish(): Buffer[] {
    if (this.text) this.chunks.push(Buffer.from(this.text));
    this.text = '';
    return this.chunks;
  }
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
/** The XML bytes of frozen structures' members, per shape: the object cannot change, so neither can its XML. */
const frozenXml = new WeakMap<Shape, WeakMap<object, Buffer>>();

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

function writeStructure(out: XmlOut, shape: Shape, value: unknown): void {
  if (!out.keeping || typeof value !== 'object' || value === null || !Object.isFrozen(value)) {
    writeMembers(out, shape, value);
    return;
  }
  let kept = frozenXml.get(shape);
  if (!kept) frozenXml.set(shape, (kept = new WeakMap()));
  let fragment = kept.get(value);
  if (fragment === undefined) {
    const inner = new XmlOut(false);
    writeMembers(inner, shape, value);
    fragment = keptBytes(inner.text);
    kept.set(value, fragment);
  }
  out.bytes(fragment);
}

/**
 * Bytes kept as long as their object lives get their own memory, outside Node's shared 64 KiB
 * Buffer pool: a kept fragment in a pool slab would hold the whole slab (and every short-lived
 * reply sharing it) for as long as the instance stays unchanged.
 */
function keptBytes(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}

function writeMembers(out: XmlOut, shape: Shape, value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  for (const member of membersOf(shape)) {
    if (Object.hasOwn(record, member.name)) write(out, member, record[member.name]);
  }
}

function write(out: XmlOut, element: Element, value: unknown): void {
  if (value === undefined || value === null) return;
  const { shape } = element;
  switch (shape.type) {
    case 'structure':
      out.text += element.open;
      writeStructure(out, shape, value);
      out.text += element.close;
      return;
    case 'list': {
      const items = Array.isArray(value) ? value : [value];
      if (items.length === 0) {
        out.text += element.empty;
        return;
      }
      const item = listItemOf(shape);
      out.text += element.open;
      for (const entry of items) write(out, item, entry);
      out.text += element.close;
      return;
    }
    case 'map': {
      const key = resolveShape(shape.key ?? {});
      const mapValue = resolveShape(shape.value ?? {});
      const keyElement = makeElement('', key.locationName ?? 'key', key);
      const valueElement = makeElement('', mapValue.locationName ?? 'value', mapValue);
      out.text += element.open;
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        out.text += '<entry>';
        write(out, keyElement, k);
        write(out, valueElement, v);
        out.text += '</entry>';
      }
      out.text += element.close;
      return;
    }
    default:
      out.text += element.open + escapeXml(scalarText(shape, value)) + element.close;
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
