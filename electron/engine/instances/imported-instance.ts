/** What an instance record must hold before the lab takes it from a lab file or from disk. */
import {
  INSTANCE_STATES,
  LIFECYCLE_ACTIONS,
  MAX_USER_DATA_BYTES,
  TRANSITIONAL_STATES,
} from '../../../shared/rules/instances';
import {
  anyText,
  checkFields,
  count,
  flag,
  id,
  instanceType,
  listOf,
  oneOf,
  optional,
  region,
  shape,
  tags,
  text,
  time,
  zone,
} from '../import-checks';

/** Base64 text of at most 16 KiB of user data. */
const userData = (v: unknown) =>
  typeof v === 'string' &&
  v.length % 4 === 0 &&
  v.length <= (Math.ceil(MAX_USER_DATA_BYTES / 3) + 1) * 4 &&
  /^[A-Za-z0-9+/]*={0,2}$/.test(v);

export const checkImportedInstance = checkFields(
  {
    instanceId: id('i'),
    reservationId: id('r'),
    region,
    ownerId: text,
    amiLaunchIndex: count,
    imageId: id('ami'),
    instanceType,
    architecture: text,
    platform: optional(oneOf(['windows'])),
    platformDetails: text,
    usageOperation: text,
    availabilityZone: zone,
    vpcId: id('vpc'),
    subnetId: id('subnet'),
    networkInterfaceIds: listOf(id('eni'), 16),
    assignPublicIp: flag,
    keyName: optional(text),
    state: oneOf(INSTANCE_STATES),
    launchTime: time,
    transitionDueAt: optional(time),
    hasRun: flag,
    rebootingUntil: optional(time),
    statusChecksPassAt: optional(time),
    lastAction: shape({ action: oneOf(LIFECYCLE_ACTIONS), at: time }),
    stateTransitionReason: anyText,
    stateReason: optional(shape({ Code: text, Message: text })),
    shutdownBehavior: oneOf(['stop', 'terminate']),
    httpTokens: optional(oneOf(['optional', 'required'])),
    disableApiTermination: flag,
    disableApiStop: flag,
    hibernationConfigured: flag,
    hibernated: flag,
    userData: optional(userData),
    rootDeviceName: text,
    blockDevices: listOf(shape({ deviceName: text, volumeId: id('vol') }), 64),
    instanceStore: optional(
      listOf(shape({ diskId: text, virtualName: text, sizeGiB: count, diskType: oneOf(['ssd', 'hdd']) }), 24),
    ),
    ebsOptimized: flag,
    clientToken: optional(anyText),
    clientRequest: optional(anyText),
    tags,
    removeAt: optional(time),
  },
  // An instance in a transitional state completes it on the clock; without a due time it never would.
  (d) =>
    TRANSITIONAL_STATES.includes(d.state as never) && d.transitionDueAt === undefined ? 'transitionDueAt' : undefined,
);
