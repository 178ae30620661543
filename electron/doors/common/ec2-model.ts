/**
 * AWS's EC2 API model (resources/aws-model, copied from aws-sdk v2 by scripts/copy-ec2-model.mjs):
 * the operations and their input/output shapes, as the query parser and XML serializer walk them.
 * In the "min" format a member either names a shared shape (`shape`) or carries its own
 * definition; a member without a type is a string. Member properties override the shared shape's.
 *
 * The model is loaded lazily: the bundle carries it as text (`?raw`), parsed on first use and kept,
 * so starting the app does not pay for parsing ~1 MB of JSON (importing the JSON itself would build
 * the whole object while the main process starts, whether or not an EC2 call ever comes).
 */
import modelText from '../../../resources/aws-model/ec2-2016-11-15.min.json?raw';

export type ShapeType =
  'structure' | 'list' | 'map' | 'string' | 'boolean' | 'integer' | 'long' | 'float' | 'double' | 'timestamp' | 'blob';

/** A shape as it appears in the model file: possibly a reference (`shape`) plus overrides. */
interface ShapeRef {
  shape?: string;
  type?: ShapeType;
  locationName?: string;
  queryName?: string;
  members?: Record<string, ShapeRef>;
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  required?: string[];
  flattened?: boolean;
}

/** A shape with its reference followed: what the walkers look at. */
export interface Shape {
  type: ShapeType;
  locationName?: string;
  queryName?: string;
  members: Record<string, ShapeRef>;
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  required: readonly string[];
}

interface Operation {
  input?: ShapeRef;
  output?: ShapeRef;
}

interface Ec2Model {
  metadata: { apiVersion: string; protocol: string; xmlNamespace: string };
  operations: Record<string, Operation>;
  shapes: Record<string, ShapeRef>;
}

/** The API version the model describes and the door answers: `Version=2016-11-15`. */
export const EC2_API_VERSION = '2016-11-15';

let loaded: Ec2Model | undefined;

/** The parsed model, parsed on the first call. */
function model(): Ec2Model {
  if (!loaded) {
    const parsed = JSON.parse(modelText) as Ec2Model;
    // The file name says the version; a different model would make the door answer a wrong contract.
    if (parsed.metadata.apiVersion !== EC2_API_VERSION) {
      throw new Error(`The EC2 model is version ${parsed.metadata.apiVersion}, not ${EC2_API_VERSION}.`);
    }
    addNewerMembers(parsed);
    loaded = parsed;
  }
  return loaded;
}

/**
 * Members AWS added after aws-sdk v2's model was frozen, which the door must still write: today's EC2
 * answers them and SDK v3 reads them (EC2 API Reference: AvailabilityZone, groupLongName).
 */
function addNewerMembers(parsed: Ec2Model): void {
  const zone = parsed.operations.DescribeAvailabilityZones?.output?.members?.AvailabilityZones?.member;
  if (zone?.members && !zone.members.GroupLongName) zone.members.GroupLongName = { locationName: 'groupLongName' };
}

const resolved = new WeakMap<ShapeRef, Shape>();

export function resolveShape(ref: ShapeRef): Shape {
  let shape = resolved.get(ref);
  if (!shape) {
    const target = ref.shape ? model().shapes[ref.shape] : undefined;
    const merged = target ? { ...target, ...ref } : ref;
    shape = {
      type: merged.type ?? 'string',
      locationName: merged.locationName,
      queryName: merged.queryName,
      members: merged.members ?? {},
      member: merged.member,
      key: merged.key,
      value: merged.value,
      required: merged.required ?? [],
    };
    resolved.set(ref, shape);
  }
  return shape;
}

export interface ModelOperation {
  name: string;
  /** Undefined when the operation takes no parameters. */
  input?: Shape;
  /** Undefined when EC2 answers only `<return>true</return>`. */
  output?: Shape;
}

/** The model's operation of that exact name (Actions are case-sensitive), or undefined. */
export function findOperation(name: string): ModelOperation | undefined {
  const operations = model().operations;
  if (!Object.hasOwn(operations, name)) return undefined;
  const operation = operations[name]!;
  return {
    name,
    input: operation.input && resolveShape(operation.input),
    output: operation.output && resolveShape(operation.output),
  };
}

export function modelOperationNames(): string[] {
  return Object.keys(model().operations);
}
