/** English messages of Actions → Instance settings (the console's own words). */
export const instanceSettingsEn = {
  actions: 'Actions',
  group: 'Instance settings',
  menu: {
    terminationProtection: 'Change termination protection',
    stopProtection: 'Change stop protection',
    shutdownBehavior: 'Change shutdown behavior',
    instanceType: 'Change instance type',
    userData: 'Edit user data',
  },
  instanceId: 'Instance ID',
  loading: 'Loading…',
  terminationProtection: {
    title: 'Change termination protection',
    label: 'Termination protection',
    description:
      'Prevents the instance from being terminated from the console, the CLI or the API. An operating system shutdown still terminates it when its shutdown behavior is Terminate.',
  },
  stopProtection: {
    title: 'Change stop protection',
    label: 'Stop protection',
    description: 'Prevents the instance from being stopped (or hibernated) from the console, the CLI or the API.',
  },
  shutdownBehavior: {
    title: 'Change shutdown behavior',
    label: 'Shutdown behavior',
    description: 'What happens when the operating system shuts down (for example "sudo shutdown -h now").',
    values: { stop: 'Stop', terminate: 'Terminate' },
  },
  instanceType: {
    title: 'Change instance type',
    current: 'Current instance type',
    label: 'New instance type',
    mustBeStopped: 'To change the instance type, the instance must be stopped.',
    hibernationEnabled: "This instance is enabled for hibernation: its instance type can't be changed.",
    hint: 'Types offered in {zone} for the {architecture} architecture.',
    apply: 'Apply',
  },
  userData: {
    title: 'Edit user data',
    label: 'User data',
    mustBeStopped: 'To edit the user data, the instance must be stopped.',
    hint: 'User data runs once, as root, at the first boot of the instance (cloud-init).',
    tooLong: 'User data can be at most {max} KB.',
  },
};
