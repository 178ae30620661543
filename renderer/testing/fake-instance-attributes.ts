/**
 * DescribeInstanceAttribute and ModifyInstanceAttribute for component tests, over the world's
 * instances: one attribute per call, as the engine serves them. Tests that want a refusal use
 * bridge.fail() instead.
 */
import type { ModifyInstanceAttributeRequest } from '@aws-sdk/client-ec2';
import type { FakeWorld } from './fixtures';

export interface FakeAttributes {
  disableApiTermination: boolean;
  disableApiStop: boolean;
  shutdownBehavior: string;
  /** Base64 text, as DescribeInstanceAttribute answers it. */
  userData?: string;
}

/** Installs the handlers; answers the per-instance attributes, which tests may preset or inspect. */
export function handleInstanceAttributes(world: FakeWorld): Record<string, FakeAttributes> {
  const attributes: Record<string, FakeAttributes> = {};
  const of = (id: string): FakeAttributes => {
    if (!world.instances.some((instance) => instance.InstanceId === id)) {
      throw { code: 'InvalidInstanceID.NotFound', message: `The instance ID '${id}' does not exist` };
    }
    return (attributes[id] ??= { disableApiTermination: false, disableApiStop: false, shutdownBehavior: 'stop' });
  };
  world.bridge
    .handle('DescribeInstanceAttribute', (input: { InstanceId: string; Attribute: string }) => {
      const current = of(input.InstanceId);
      const answer = { InstanceId: input.InstanceId };
      switch (input.Attribute) {
        case 'disableApiTermination':
          return { ...answer, DisableApiTermination: { Value: current.disableApiTermination } };
        case 'disableApiStop':
          return { ...answer, DisableApiStop: { Value: current.disableApiStop } };
        case 'instanceInitiatedShutdownBehavior':
          return { ...answer, InstanceInitiatedShutdownBehavior: { Value: current.shutdownBehavior } };
        case 'userData':
          return { ...answer, UserData: current.userData ? { Value: current.userData } : {} };
        default:
          throw {
            code: 'InvalidParameterValue',
            message: `Value (${input.Attribute}) for parameter attribute is invalid.`,
          };
      }
    })
    .handle('ModifyInstanceAttribute', (input: ModifyInstanceAttributeRequest) => {
      const current = of(input.InstanceId ?? '');
      if (input.DisableApiTermination) current.disableApiTermination = !!input.DisableApiTermination.Value;
      if (input.DisableApiStop) current.disableApiStop = !!input.DisableApiStop.Value;
      if (input.InstanceInitiatedShutdownBehavior) {
        current.shutdownBehavior = input.InstanceInitiatedShutdownBehavior.Value ?? 'stop';
      }
      if (input.UserData) current.userData = base64Of(input.UserData.Value ?? new Uint8Array()) || undefined;
      if (input.InstanceType) {
        const instance = world.instances.find((i) => i.InstanceId === input.InstanceId)!;
        instance.InstanceType = input.InstanceType.Value as typeof instance.InstanceType;
      }
      return {};
    });
  return attributes;
}

/** The engine keeps user data base64-encoded, as DescribeInstanceAttribute answers it. */
function base64Of(bytes: Uint8Array): string {
  return btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''));
}
