/** A lab for tests: in-memory store, repeatable ids, and real time that moves only when told. */
import type { ApiResult } from '../../../shared/api';
import type { Ec2OperationName, Ec2Operations } from '../../../shared/ec2-operations';
import type { ApiError } from '../../../shared/errors';
import type { LabOperationName, LabOperations } from '../../../shared/lab-operations';
import { loadCatalog } from '../catalog/load-catalog';
import { createEngine, type Engine } from '../engine';
import { seededRandom } from '../ids';
import type { KeyMaker } from '../key-pairs/key-maker';
import { nodeKeyMaker } from '../state/node-key-maker';
import { MemoryStateStore, type StateStore } from '../state/state-store';

export const TEST_REGION = 'ap-northeast-2';
export const START_TIME = Date.UTC(2026, 10, 25, 9, 0, 0);

export function quickStartImage(os: string, architecture = 'x86_64', region = TEST_REGION): string {
  const found = loadCatalog().images[region]!.find(
    (i) => i.quickStart.Os === os && i.quickStart.Architecture === architecture,
  );
  if (!found) throw new Error(`no ${os} ${architecture} image in ${region}`);
  return found.image.ImageId!;
}

export interface TestLab {
  engine: Engine;
  store: StateStore;
  ec2<K extends Ec2OperationName>(
    operation: K,
    input: Ec2Operations[K]['input'],
    region?: string,
  ): Ec2Operations[K]['output'];
  ec2Error<K extends Ec2OperationName>(operation: K, input: Ec2Operations[K]['input'], region?: string): ApiError;
  lab<K extends LabOperationName>(operation: K, input: LabOperations[K]['input']): LabOperations[K]['output'];
  labError<K extends LabOperationName>(operation: K, input: LabOperations[K]['input']): ApiError;
  /**
   * Lets real time pass (the lab clock runs at its speed over it) and ticks the engine; with
   * `tick: false` the engine is not told, so the next command catches up with the clock itself.
   */
  pass(milliseconds: number, options?: { tick?: boolean }): void;
  /** Launches one Amazon Linux instance and returns its id. */
  launch(extra?: Partial<Ec2Operations['RunInstances']['input']>, region?: string): string;
  stateOf(instanceId: string, region?: string): string;
  reopen(): TestLab;
}

export interface TestLabOptions {
  store?: StateStore;
  seed?: number;
  realStart?: number;
  version?: string;
  dataDirectory?: string;
  keyMaker?: KeyMaker;
}

export function createTestLab(options: TestLabOptions = {}): TestLab {
  let real = options.realStart ?? START_TIME;
  const store = options.store ?? new MemoryStateStore();
  const engine = createEngine({
    store,
    realNow: () => real,
    random: seededRandom(options.seed ?? 42),
    keyMaker: options.keyMaker ?? nodeKeyMaker,
    version: options.version ?? 'test',
    dataDirectory: options.dataDirectory,
  });

  const unwrap = (result: ApiResult) => {
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  const errorOf = (result: ApiResult): ApiError => {
    if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
    return result.error;
  };
  const callEc2 = (operation: Ec2OperationName, input: unknown, region = TEST_REGION) =>
    engine.dispatch({ service: 'ec2', operation, region, input } as never);
  const callLab = (operation: LabOperationName, input: unknown) =>
    engine.dispatch({ service: 'lab', operation, input } as never);

  const lab: TestLab = {
    engine,
    store,
    ec2: (operation, input, region) => unwrap(callEc2(operation, input, region)) as never,
    ec2Error: (operation, input, region) => errorOf(callEc2(operation, input, region)),
    lab: (operation, input) => unwrap(callLab(operation, input)) as never,
    labError: (operation, input) => errorOf(callLab(operation, input)),
    pass(milliseconds, options) {
      real += milliseconds;
      if (options?.tick !== false) engine.tick();
    },
    launch(extra = {}, region = TEST_REGION) {
      const reservation = lab.ec2(
        'RunInstances',
        {
          ImageId: quickStartImage('amazon-linux', 'x86_64', region),
          InstanceType: 't3.micro',
          MinCount: 1,
          MaxCount: 1,
          ...extra,
        },
        region,
      );
      return reservation.Instances![0]!.InstanceId!;
    },
    stateOf(instanceId, region = TEST_REGION) {
      const result = lab.ec2('DescribeInstances', { InstanceIds: [instanceId] }, region);
      return result.Reservations![0]!.Instances![0]!.State!.Name!;
    },
    reopen() {
      engine.close();
      return createTestLab({ ...options, store, seed: (options.seed ?? 42) + 1, realStart: real });
    },
  };
  return lab;
}
