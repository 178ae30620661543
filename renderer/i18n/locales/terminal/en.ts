/**
 * English messages: the terminal pane, the top bar's Laptop terminal button, and an instance's
 * Connect page with its SSH client tab (the EC2 console's words; EC2 User Guide:
 * connect-linux-inst-ssh, "Connect to your Linux instance using an SSH client").
 */
export const terminalEn = {
  terminal: {
    laptop: 'Laptop terminal',
    laptopTab: 'Laptop',
    pane: 'Terminals',
    tabs: 'Terminal sessions',
    screen: 'Terminal: {title}',
    newTab: 'New laptop terminal',
    close: 'Close {title}',
    collapse: 'Collapse',
    expand: 'Expand',
    resize: 'Resize the terminal pane',
    pasteHint: 'The clipboard could not be read here. Paste with Ctrl+Shift+V.',
    openFailed: 'Failed to open a terminal',
    closeFailed: 'Failed to close the terminal',
  },
  connect: {
    action: 'Connect',
    title: 'Connect to instance',
    intro: 'Connect to your instance {id} using any of these options',
    tabsLabel: 'Connection methods',
    tabs: {
      instanceConnect: 'EC2 Instance Connect',
      sessionManager: 'Session Manager',
      sshClient: 'SSH client',
      serialConsole: 'EC2 serial console',
    },
    notSimulated: 'Not simulated in the lab',
    instanceId: 'Instance ID',
    steps: {
      open: 'Open an SSH client.',
      locate: 'Locate your private key file. The key used to launch this instance is {key}',
      chmod: 'Run this command, if necessary, to ensure your key is not publicly viewable.',
      connectDns: 'Connect to your instance using its Public DNS:',
      connectIp: 'Connect to your instance using its Public IP:',
    },
    example: 'Example:',
    usernameNote:
      'Note: In most cases, the guessed username is correct. However, read your AMI usage instructions to check if the AMI owner has changed the default AMI username.',
    noKeyPair:
      'This instance is not associated with a key pair. Without a key pair, you can only connect to this instance with a password you set up yourself.',
    noPublicAddress:
      'This instance has no public IPv4 address, so an SSH client outside its VPC cannot reach it. Associate an Elastic IP address, or launch it in a subnet that assigns public IPv4 addresses.',
    notRunning: 'The instance is {state}. It must be running for you to connect to it.',
    typeInto: 'Type into laptop terminal',
    typeIntoHint:
      'Types these commands into the lab laptop’s terminal, one at a time: the key you downloaded is in ~/Downloads.',
    typeFailed: 'Failed to type into the laptop terminal',
    notFound: 'Instance {id} was not found in {region}.',
    back: 'Cancel',
    copyChmod: 'Copy the chmod command',
    copyHost: 'Copy the address',
    copySsh: 'Copy the ssh command',
    own: {
      title: 'Connect from your own terminal',
      intro:
        'EC2 Lab also serves this instance over real SSH on a port of this computer, so your own OpenSSH or PuTTY can log in with the key you downloaded.',
      port: 'Port on 127.0.0.1',
      fingerprint: 'Host key fingerprint',
      fingerprintHint:
        'On your first connection ssh asks whether to trust this host key: check that the fingerprint it shows is this one.',
      openSsh: 'OpenSSH (macOS, Linux, Windows):',
      putty: 'PuTTY, with the key converted to .ppk by PuTTYgen:',
      copySsh: 'Copy the ssh command for your own terminal',
      copyPutty: 'Copy the PuTTY command',
      copyConfig: 'Copy the ssh -F command',
      downloadConfig: 'Download SSH config',
      configHint:
        'An ssh_config with a Host entry for every instance the lab serves. Save it as {file} and connect with:',
      unavailable: 'Real SSH from your own terminal is offered by the EC2 Lab desktop app and browser mode only.',
      off: 'The lab’s SSH server is turned off, so no instance can be reached from your own terminal.',
      turnOn: 'Turn on the SSH server',
      turnOnFailed: 'Failed to turn on the SSH server',
      portInUse:
        'Port {port} on this computer is in use by another program, so this instance cannot be served: {error}',
      notServed:
        'The lab serves an instance over SSH from your own terminal only while it is running and has a key pair.',
    },
  },
};
