/** English messages: the lab Settings page (the console's own words). */
export const settingsEn = {
  settings: {
    title: 'Lab settings',
    about: 'About this lab',
    dataDirectory: 'Data directory',
    stateFile: 'Saved state (SQLite file)',
    schemaVersion: 'Schema version',
    version: 'Version',
    clock: 'Lab clock',
    speed: 'Simulation speed',
    clockHint: 'The lab clock drives every transition; Paused stops it, 60× makes a minute pass in a second.',
    data: 'Lab data',
    export: {
      button: 'Export lab',
      hint: 'Saves the whole lab as one JSON file.',
    },
    import: {
      label: 'Import lab file',
      hint: 'Replaces the whole lab with an exported JSON file.',
      dialogTitle: 'Import lab?',
      warning: 'Importing {file} replaces every resource in this lab.',
      confirm: 'Import',
    },
    reset: {
      button: 'Reset lab',
      hint: 'Deletes every resource and starts a fresh lab.',
      dialogTitle: 'Reset lab?',
      warning: 'Every instance and all other resources in every Region will be deleted. This cannot be undone.',
      word: 'reset',
      typeToConfirm: 'To confirm, type "{word}"',
      confirm: 'Reset',
    },
    ssh: {
      title: 'SSH server',
      label: 'SSH server',
      on: 'On',
      off: 'Off',
      hint: 'Serves every running instance that has a key pair over real SSH on a port of 127.0.0.1, so your own ssh or PuTTY can log in. Off closes every port.',
      unavailable: 'Real SSH from your own terminal is offered by the EC2 Lab desktop app and browser mode only.',
      failed: 'Failed to change the SSH server setting',
    },
  },
};
