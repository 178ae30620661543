/** What an instance record of an imported lab file must hold before the lab takes it. */
import { INSTANCE_STATES } from '../../../shared/rules/instances';
import { checkFields, id, list, listOf, oneOf, region, shape, text, time } from '../import-checks';

export const checkImportedInstance = checkFields({
  instanceId: id('i'),
  region,
  state: oneOf(INSTANCE_STATES),
  launchTime: time,
  instanceType: text,
  imageId: text,
  availabilityZone: text,
  networkInterfaceIds: listOf(id('eni')),
  blockDevices: listOf(shape({ deviceName: text, volumeId: id('vol') })),
  tags: list,
});
