/**
 * The instances as machines, one per instance id while it runs: built from what the engine says
 * of the instance (its AMI's OS and login user, private address, root volume), and asked again
 * when the instance changes — a stopped or terminated instance is no machine to log into.
 */
import type { Ec2OperationName, Ec2Operations } from '../../../shared/ec2-operations';
import type { LabOperationName, LabOperations } from '../../../shared/lab-operations';
import type { ShellEngine } from '../shell-engine';
import { instanceMachine, type InstanceFacts, type InstanceMachineOptions } from './instance-machine';
import type { Machine } from './machine';

/** The engine's answers as the shell layer reads them (console reads are not logged as activity). */
export function engineReader(engine: ShellEngine) {
  return {
    ec2<K extends Ec2OperationName>(region: string, operation: K, input: Ec2Operations[K]['input']) {
      const result = engine.dispatch({ service: 'ec2', operation, region, input, caller: 'console' } as never);
      if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
      return result.value as Ec2Operations[K]['output'];
    },
    lab<K extends LabOperationName>(operation: K, input: LabOperations[K]['input']) {
      const result = engine.dispatch({ service: 'lab', operation, input } as never);
      if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
      return result.value as LabOperations[K]['output'];
    },
  };
}

export type EngineReader = ReturnType<typeof engineReader>;

/** The lab clock's time now (epoch ms), as files are stamped with it. */
export function labClock(engine: ShellEngine): () => number {
  const reader = engineReader(engine);
  return () => reader.lab('GetClock', {}).now;
}

export type Instance = NonNullable<
  NonNullable<Ec2Operations['DescribeInstances']['output']['Reservations']>[number]['Instances']
>[number];

/** The instance as DescribeInstances shows it, or undefined if the region has no such instance. */
export function describeInstance(reader: EngineReader, region: string, instanceId: string): Instance | undefined {
  try {
    return reader.ec2(region, 'DescribeInstances', { InstanceIds: [instanceId] }).Reservations?.[0]?.Instances?.[0];
  } catch {
    return undefined;
  }
}

/** The AMI as the lab launches it (its OS and default user); throws for an AMI the region lacks. */
export function launchImageOf(reader: EngineReader, region: string, imageId: string) {
  return reader.lab('DescribeLaunchImage', { Region: region, ImageId: imageId }).Image;
}

export function instanceFacts(reader: EngineReader, region: string, instance: Instance): InstanceFacts {
  const image = launchImageOf(reader, region, instance.ImageId!);
  const root = instance.BlockDeviceMappings?.find((m) => m.DeviceName === instance.RootDeviceName);
  return {
    instanceId: instance.InstanceId!,
    region,
    os: image.Os,
    defaultUser: image.DefaultUser,
    privateIp: instance.PrivateIpAddress ?? '',
    hostname: instance.PrivateDnsName ?? 'localhost',
    rootDiskId: root?.Ebs?.VolumeId ?? '',
  };
}

/** How machine options (mounts, extra commands) are made for an instance; the guest layer provides them. */
export type InstanceOptionsFactory = (facts: InstanceFacts) => InstanceMachineOptions;

export class InstanceMachines {
  private readonly machines = new Map<string, { region: string; machine: Machine }>();
  readonly reader: EngineReader;

  constructor(
    private readonly engine: ShellEngine,
    private readonly optionsFor: InstanceOptionsFactory = () => ({}),
  ) {
    this.reader = engineReader(engine);
  }

  /** The running instance's machine (built once per instance). */
  get(region: string, instanceId: string): Machine | undefined {
    const known = this.machines.get(instanceId);
    if (known) return known.machine;
    const instance = describeInstance(this.reader, region, instanceId);
    if (!instance || instance.State?.Name !== 'running') return undefined;
    const facts = instanceFacts(this.reader, region, instance);
    const machine = instanceMachine(this.engine, facts, { now: labClock(this.engine), ...this.optionsFor(facts) });
    this.machines.set(instanceId, { region, machine });
    return machine;
  }

  /** Of these instance ids, those no longer running (their logins must end); forgets their machines. */
  gone(instanceIds: string[]): string[] {
    return instanceIds.filter((id) => {
      const known = this.machines.get(id);
      if (!known) return false;
      const state = describeInstance(this.reader, known.region, id)?.State?.Name;
      if (state === 'running') return false;
      this.machines.delete(id);
      return true;
    });
  }
}
