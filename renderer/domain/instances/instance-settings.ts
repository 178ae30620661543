/** The items of Actions → Instance settings, in the console's order. */
export const INSTANCE_SETTINGS = [
  'terminationProtection',
  'stopProtection',
  'shutdownBehavior',
  'instanceType',
  'userData',
] as const;

export type InstanceSetting = (typeof INSTANCE_SETTINGS)[number];
