/**
 * A lab for component tests: the real engine in memory (MemoryStateStore, seeded ids, a clock that
 * moves only when the test says so), the console's bridge to it, and the EC2 API door's stand-in.
 * Tests set the scene through the engine itself (launch, stop, tag …) and look up what it made —
 * ids, Quick Start AMIs, instance types — instead of inventing values.
 */
import type { Instance } from '@aws-sdk/client-ec2';
import type { ApiResult } from '../../shared/api';
import type { Ec2OperationName, Ec2Operations } from '../../shared/ec2-operations';
import type { ApiError } from '../../shared/errors';
import type {
  ApiAccess,
  LabNotice,
  LabOperationName,
  LabOperations,
  QuickStartImage,
} from '../../shared/lab-operations';
import { createEngine, type Engine } from '../../electron/engine/engine';
import { seededRandom } from '../../electron/engine/ids';
import { MemoryStateStore } from '../../electron/engine/state/state-store';
import { labPort } from '../../electron/shell/lab-port';
import { createShells, type Shells } from '../../electron/shell/shells';
import { inProcessWorkerPort } from '../../electron/shell/worker/in-process-worker-port';
import { TestApiDoor } from './api-door';
import { testKeyMaker } from './test-key-maker';
import { EngineBridge } from './engine-bridge';
import { FaultBridge } from './fault-bridge';

/** 2025-05-01 10:00 UTC, when every test lab starts. */
export const START_TIME = Date.UTC(2025, 4, 1, 10, 0, 0);

export interface LabOptions {
  seed?: number;
  /** What the lab's store reports on opening (a moved-aside database …). */
  notices?: LabNotice[];
  /** What the EC2 API door reports; undefined: running on 4566 with a generated key. */
  apiAccess?: ApiAccess;
}

export interface EngineLab {
  engine: Engine;
  /** The terminal sessions and machines, over the same engine. */
  shells: Shells;
  /** What the console talks to: the engine behind a FaultBridge that records calls. */
  bridge: FaultBridge;
  engineBridge: EngineBridge;
  apiDoor: TestApiDoor;
  /** The lab's default region (the console starts there). */
  region: string;
  /** Calls the engine directly, as another client would; not recorded as a console call. */
  ec2<K extends Ec2OperationName>(
    operation: K,
    input: Ec2Operations[K]['input'],
    region?: string,
  ): Ec2Operations[K]['output'];
  ec2Error<K extends Ec2OperationName>(operation: K, input: Ec2Operations[K]['input'], region?: string): ApiError;
  lab<K extends LabOperationName>(operation: K, input: LabOperations[K]['input']): LabOperations[K]['output'];
  /** The region's Quick Start AMI of `os` and `architecture`, as the launch wizard lists it. */
  quickStart(os: string, architecture?: string, region?: string): QuickStartImage;
  /** The instance types offered for `architecture` in the region (or in one zone), sorted by name. */
  offeredTypes(architecture: string, zone?: string, region?: string): string[];
  /** Launches one instance (Amazon Linux, t3.micro unless `input` says otherwise) and answers it. */
  launch(input?: Partial<Ec2Operations['RunInstances']['input']>, region?: string): Instance;
  /** The instance as DescribeInstances answers it now. */
  instance(instanceId: string, region?: string): Instance;
  /** Lets real time pass (the lab clock runs over it at its speed) and lets the engine catch up. */
  pass(milliseconds: number): void;
  /** Lets time pass until the instance reaches `state` (at most an hour of lab time). */
  waitFor(instanceId: string, state: string, region?: string): Instance;
}

/**
 * Builds the engine itself rather than through the engine's test lab: that one brings Node's crypto,
 * which the console's type-checked code cannot name. Its key maker (real keys) comes from the vitest
 * setup file instead (test-key-maker.ts).
 */
export function createEngineLab(options: LabOptions = {}): EngineLab {
  let realNow = START_TIME;
  const store = new MemoryStateStore();
  store.notices.push(...(options.notices ?? []));
  const engine = createEngine({
    store,
    realNow: () => realNow,
    random: seededRandom(options.seed ?? 7),
    version: '0.1.0',
    dataDirectory: '/home/learner/.config/EC2 Lab',
    keyMaker: testKeyMaker(),
  });
  const apiDoor = new TestApiDoor(engine, options.apiAccess);
  // The terminals run for real, their shells in-process (a worker thread needs the built worker file).
  const shells = createShells({ engine, startWorker: inProcessWorkerPort });
  const engineBridge = new EngineBridge(labPort(engine, shells.terminals));
  const answer = (result: ApiResult) => {
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  const refusal = (result: ApiResult): ApiError => {
    if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
    return result.error;
  };
  const region = (
    answer(engine.dispatch({ service: 'lab', operation: 'GetStatus', input: {} })) as { defaultRegion: string }
  ).defaultRegion;
  const callEc2 = (operation: Ec2OperationName, input: unknown, inRegion = region) =>
    engine.dispatch({ service: 'ec2', operation, region: inRegion, input } as never);

  const lab: EngineLab = {
    shells,
    engine,
    bridge: new FaultBridge(engineBridge),
    engineBridge,
    apiDoor,
    region,
    ec2: (operation, input, inRegion) => structuredClone(answer(callEc2(operation, input, inRegion))) as never,
    ec2Error: (operation, input, inRegion) => refusal(callEc2(operation, input, inRegion)),
    lab: (operation, input) =>
      structuredClone(answer(engine.dispatch({ service: 'lab', operation, input } as never))) as never,
    quickStart(os, architecture = 'x86_64', inRegion = region) {
      const found = lab
        .lab('DescribeQuickStartImages', { Region: inRegion })
        .Images.find((image) => image.Os === os && image.Architecture === architecture);
      if (!found) throw new Error(`no ${os} ${architecture} Quick Start AMI in ${inRegion}`);
      return found;
    },
    offeredTypes(architecture, zone, inRegion = region) {
      const offerings = lab.ec2('DescribeInstanceTypeOfferings', { LocationType: 'availability-zone' }, inRegion);
      const offered = new Set(
        offerings
          .InstanceTypeOfferings!.filter((offering) => !zone || offering.Location === zone)
          .map((offering) => String(offering.InstanceType)),
      );
      return lab
        .ec2('DescribeInstanceTypes', {}, inRegion)
        .InstanceTypes!.filter((info) => offered.has(String(info.InstanceType)))
        .filter((info) => (info.ProcessorInfo?.SupportedArchitectures as string[] | undefined)?.includes(architecture))
        .map((info) => String(info.InstanceType))
        .sort();
    },
    launch(input = {}, inRegion = region) {
      const reservation = lab.ec2(
        'RunInstances',
        {
          ImageId: lab.quickStart('amazon-linux', 'x86_64', inRegion).ImageId,
          InstanceType: 't3.micro',
          MinCount: 1,
          MaxCount: 1,
          ...input,
        },
        inRegion,
      );
      return reservation.Instances![0]!;
    },
    instance(instanceId, inRegion = region) {
      const described = lab.ec2('DescribeInstances', { InstanceIds: [instanceId] }, inRegion);
      return described.Reservations![0]!.Instances![0]!;
    },
    pass(milliseconds) {
      realNow += milliseconds;
      engine.tick();
    },
    waitFor(instanceId, state, inRegion = region) {
      for (let second = 0; second < 3600; second++) {
        const current = lab.instance(instanceId, inRegion);
        if (current.State?.Name === state) return current;
        lab.pass(1000);
      }
      throw new Error(`${instanceId} did not become ${state} within an hour`);
    },
  };
  return lab;
}
