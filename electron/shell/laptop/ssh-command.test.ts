import { afterEach, describe, expect, it } from 'vitest';
import { clientsHarness, launchReachable, type ClientsHarness } from '../test-support/laptop-clients-harness';

/** Each test launches instances and runs several clients; a machine shared with other runs needs room. */
const ROOM = { timeout: 20_000 };

let harness: ClientsHarness | undefined;
afterEach(() => harness?.close());

const PROMPT = /learner@laptop:[^\n]*\$ $/;
const FIRST_TIME = 'Are you sure you want to continue connecting (yes/no/[fingerprint])? ';

/** A harness, an instance SSH may reach, its key saved (0644) in ~/Downloads, and the shell there. */
async function ready(options: Parameters<typeof launchReachable>[1] = {}) {
  harness = clientsHarness();
  const instance = launchReachable(harness, options);
  harness.saveKeyFile('lab-key.pem', instance.keyMaterial);
  await harness.waitFor(PROMPT);
  await harness.run('cd ~/Downloads');
  return { h: harness, ...instance };
}

/** Answers the first-time host-key question with yes. */
async function acceptHostKey(h: ClientsHarness, from: number) {
  await h.waitFor(FIRST_TIME, from);
  h.keys('yes\r');
}

describe('ssh from the laptop', ROOM, () => {
  it('refuses a key file saved as the browser leaves it (0644), and logs in once it is chmod 400', async () => {
    const { h, publicIp } = await ready();
    let from = h.screen().length;
    h.keys(`ssh -i lab-key.pem ec2-user@${publicIp}; echo status=$?\r`);
    await acceptHostKey(h, from);
    let shown = await h.waitFor(PROMPT, from);
    expect(shown).toContain('status=255');
    expect(shown).toContain(`Warning: Permanently added '${publicIp}' (ED25519) to the list of known hosts.`);
    expect(shown).toContain(
      [
        '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@',
        '@         WARNING: UNPROTECTED PRIVATE KEY FILE!          @',
        '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@',
        "Permissions 0644 for 'lab-key.pem' are too open.",
        'It is required that your private key files are NOT accessible by others.',
        'This private key will be ignored.',
        'Load key "lab-key.pem": bad permissions',
        `ec2-user@${publicIp}: Permission denied (publickey,gssapi-keyex,gssapi-with-mic).`,
        'hint: ssh ignores a private key others can read; run chmod 400 lab-key.pem and try again',
      ].join('\n'),
    );

    await h.run('chmod 400 lab-key.pem');
    from = h.screen().length;
    h.keys(`ssh -i lab-key.pem ec2-user@${publicIp}; echo status=$?\r`);
    shown = await h.waitFor(/\[ec2-user@ip-[\d-]+ ~\]\$ $/, from);
    expect(shown).not.toContain('authenticity');
    expect(shown).toContain('Amazon Linux 2023');
    expect(await h.run('whoami', /\]\$ $/)).toContain('ec2-user\n');
    from = h.screen().length;
    h.keys('exit 4\r');
    shown = await h.waitFor(PROMPT, from);
    expect(shown).toContain(`logout\nConnection to ${publicIp} closed.\nstatus=4\n`);
    expect(h.laptopFile('/home/learner/.ssh/known_hosts')).toMatch(
      new RegExp(`^${publicIp.replaceAll('.', '\\.')} ssh-ed25519 AAAA[A-Za-z0-9+/]+\n$`),
    );
  });

  it('asks about an unknown host key and stops on "no"', async () => {
    const { h, publicIp, instanceId } = await ready();
    await h.run('chmod 400 lab-key.pem');
    const from = h.screen().length;
    h.keys(`ssh -i lab-key.pem ec2-user@${publicIp}; echo status=$?\r`);
    const question = await h.waitFor(FIRST_TIME, from);
    const fingerprint = h.lab.engine.hostKeys.of(instanceId)!.fingerprint;
    expect(question).toContain(
      `The authenticity of host '${publicIp} (${publicIp})' can't be established.\nED25519 key fingerprint is ${fingerprint}.\nThis key is not known by any other names.\n${FIRST_TIME}`,
    );
    h.keys('maybe\r');
    await h.waitFor("Please type 'yes', 'no' or the fingerprint: ", from);
    h.keys('no\r');
    const shown = await h.waitFor(PROMPT, from);
    expect(shown).toContain('Host key verification failed.\nhint: answer yes');
    expect(shown).toContain('status=255');
    expect(h.laptopFile('/home/learner/.ssh/known_hosts')).toBeUndefined();
  });

  it("refuses another key pair's key, a missing key file and the wrong user", async () => {
    const { h, publicIp } = await ready();
    const other = h.lab.ec2('CreateKeyPair', { KeyName: 'other-key', KeyType: 'rsa' }).KeyMaterial!;
    h.saveKeyFile('other-key.pem', other);
    await h.run('chmod 400 lab-key.pem other-key.pem');
    const trustNew = '-o StrictHostKeyChecking=accept-new';
    let shown = await h.run(`ssh ${trustNew} -i other-key.pem ec2-user@${publicIp}`);
    expect(shown).toContain(`ec2-user@${publicIp}: Permission denied (publickey,gssapi-keyex,gssapi-with-mic).\n`);
    expect(shown).toContain(
      'hint: the instance was launched with key pair lab-key; the key file given is not its private key',
    );
    shown = await h.run(`ssh ${trustNew} -i missing.pem ec2-user@${publicIp}`);
    expect(shown).toMatch(/^Warning: Identity file missing\.pem not accessible: No such file or directory\.$/m);
    expect(shown).toContain(`ec2-user@${publicIp}: Permission denied (publickey,gssapi-keyex,gssapi-with-mic).\n`);
    shown = await h.run(`ssh ${trustNew} -i lab-key.pem ubuntu@${publicIp}; echo status=$?`);
    expect(shown).toContain(`ubuntu@${publicIp}: Permission denied (publickey,gssapi-keyex,gssapi-with-mic).\n`);
    expect(shown).toContain("hint: this AMI's login user is ec2-user, not ubuntu");
    expect(shown).toContain('status=255');
  });

  it("tells Ubuntu's root which user to log in as, and closes", async () => {
    const { h, publicDns } = await ready({ os: 'ubuntu' });
    await h.run('chmod 400 lab-key.pem');
    const shown = await h.run(`ssh -o StrictHostKeyChecking=no -i lab-key.pem root@${publicDns}; echo status=$?`);
    expect(shown).toContain(
      `Please login as the user "ubuntu" rather than the user "root".\n\nConnection to ${publicDns} closed.\n`,
    );
    expect(shown).toContain('status=142');
    expect(h.waits).toContain(10_000);
    const denied = await h.run(`ssh -o StrictHostKeyChecking=no -i lab-key.pem ec2-user@${publicDns}`);
    expect(denied).toContain(`ec2-user@${publicDns}: Permission denied (publickey).\n`);
  });

  it('times out without a security-group rule for SSH, with a hint that can be turned off', async () => {
    const { h, publicIp, groupId } = await ready({ sshRule: false });
    await h.run('chmod 400 lab-key.pem');
    let shown = await h.run(`ssh -o ConnectTimeout=5 -i lab-key.pem ec2-user@${publicIp}`);
    expect(shown).toContain(`ssh: connect to host ${publicIp} port 22: Connection timed out\n`);
    expect(shown).toContain(
      `hint: security group ${groupId} has no inbound rule for tcp/22 from ${h.laptopIp}/32 (export EC2LAB_HINTS=off hides these hints)\n`,
    );
    expect(h.waits).toEqual([5000]);
    shown = await h.run(`export EC2LAB_HINTS=off; ssh -i lab-key.pem ec2-user@${publicIp}`);
    expect(shown).toContain(`ssh: connect to host ${publicIp} port 22: Connection timed out\n`);
    expect(shown).not.toContain('hint:');
    expect(h.waits).toEqual([5000, 20_000]);
  });

  it('is refused while the instance boots', async () => {
    const { h, publicIp } = await ready({ boot: false });
    const shown = await h.run(`ssh -i lab-key.pem ec2-user@${publicIp}`);
    expect(shown).toContain(`ssh: connect to host ${publicIp} port 22: Connection refused\n`);
    expect(shown).toMatch(/hint: instance i-[0-9a-f]+ is still booting/);
    expect(h.waits).toEqual([]);
  });

  it('does not resolve a name that is no EC2 address', async () => {
    harness = clientsHarness();
    await harness.waitFor(PROMPT);
    const shown = await harness.run('ssh ec2-user@my-server.example');
    expect(shown).toContain('ssh: Could not resolve hostname my-server.example: Name or service not known\n');
  });

  it('warns that the host changed when an Elastic IP moves to another instance, and refuses', async () => {
    const { h, instanceId } = await ready();
    await h.run('chmod 400 lab-key.pem');
    const allocation = h.lab.ec2('AllocateAddress', { Domain: 'vpc' });
    const elasticIp = allocation.PublicIp!;
    h.lab.ec2('AssociateAddress', { AllocationId: allocation.AllocationId, InstanceId: instanceId });
    let shown = await h.run(`ssh -o StrictHostKeyChecking=accept-new -i lab-key.pem ec2-user@${elasticIp} hostname`);
    expect(shown).toContain(`Warning: Permanently added '${elasticIp}' (ED25519) to the list of known hosts.`);
    const second = launchReachable(h);
    h.lab.ec2('AssociateAddress', {
      AllocationId: allocation.AllocationId,
      InstanceId: second.instanceId,
      AllowReassociation: true,
    });
    shown = await h.run(`ssh -i lab-key.pem ec2-user@${elasticIp}`);
    const fingerprint = h.lab.engine.hostKeys.of(second.instanceId)!.fingerprint;
    expect(shown).toContain(
      [
        '@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @',
        '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@',
        'IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!',
        'Someone could be eavesdropping on you right now (man-in-the-middle attack)!',
        'It is also possible that a host key has just been changed.',
        'The fingerprint for the ED25519 key sent by the remote host is',
        `${fingerprint}.`,
        'Please contact your system administrator.',
        'Add correct host key in /home/learner/.ssh/known_hosts to get rid of this message.',
        'Offending ED25519 key in /home/learner/.ssh/known_hosts:1',
        '  remove with:',
        `  ssh-keygen -f '/home/learner/.ssh/known_hosts' -R '${elasticIp}'`,
        `Host key for ${elasticIp} has changed and you have requested strict checking.`,
        'Host key verification failed.',
      ].join('\n'),
    );
    expect(shown).toContain(`hint: ${elasticIp} now leads to instance ${second.instanceId}`);
  });

  it('runs a command without a terminal and returns its output and exit status', async () => {
    const { h, publicIp } = await ready();
    await h.run('chmod 400 lab-key.pem');
    const shown = await h.run(
      `ssh -o StrictHostKeyChecking=accept-new -i lab-key.pem ec2-user@${publicIp} 'whoami; pwd; exit 3' > out.txt; echo status=$?; cat out.txt`,
    );
    expect(shown).toContain('status=3\nec2-user\n/home/ec2-user\n');
  });

  it('prints debug1 lines for each step with -v', async () => {
    const { h, publicIp, instanceId } = await ready();
    await h.run('chmod 400 lab-key.pem');
    const shown = await h.run(`ssh -v -o StrictHostKeyChecking=accept-new -i lab-key.pem ec2-user@${publicIp} true`);
    const fingerprint = h.lab.engine.hostKeys.of(instanceId)!.fingerprint;
    for (const line of [
      'OpenSSH_9.2p1 Debian-2+deb12u6, OpenSSL 3.0.19 27 Jan 2026',
      `debug1: Connecting to ${publicIp} [${publicIp}] port 22.`,
      'debug1: Connection established.',
      `debug1: Server host key: ssh-ed25519 ${fingerprint}`,
      'debug1: Next authentication method: publickey',
      'debug1: Trying private key: lab-key.pem',
      `debug1: Authenticated to ${publicIp} ([${publicIp}]:22) using "publickey".`,
    ]) {
      expect(shown).toContain(`${line}\n`);
    }
  });

  it('logs in with an RSA key pair and ends as a dropped connection when the instance stops', async () => {
    const { h, publicIp, instanceId } = await ready({ keyType: 'rsa' });
    await h.run('chmod 400 lab-key.pem');
    const from = h.screen().length;
    h.keys(`ssh -o StrictHostKeyChecking=no -i lab-key.pem ec2-user@${publicIp}; echo status=$?\r`);
    await h.waitFor(/\]\$ $/, from);
    h.lab.ec2('StopInstances', { InstanceIds: [instanceId] });
    const shown = await h.waitFor(PROMPT, from);
    expect(shown).toContain(
      `Connection to ${publicIp} closed by remote host.\nConnection to ${publicIp} closed.\nstatus=255\n`,
    );
  });

  it('asks again for a new address after stop/start, naming where the same host key is known', async () => {
    const { h, publicIp, instanceId } = await ready();
    await h.run('chmod 400 lab-key.pem');
    await h.run(`ssh -o StrictHostKeyChecking=accept-new -i lab-key.pem ec2-user@${publicIp} true`);
    h.lab.ec2('StopInstances', { InstanceIds: [instanceId] });
    h.lab.pass(120_000);
    h.lab.ec2('StartInstances', { InstanceIds: [instanceId] });
    h.lab.pass(300_000);
    const newIp = h.lab.ec2('DescribeInstances', { InstanceIds: [instanceId] }).Reservations![0]!.Instances![0]!
      .PublicIpAddress!;
    expect(newIp).not.toBe(publicIp);
    const from = h.screen().length;
    h.keys(`ssh -i lab-key.pem ec2-user@${newIp} true\r`);
    const question = await h.waitFor(FIRST_TIME, from);
    expect(question).toContain(
      `This host key is known by the following other names/addresses:\n    ~/.ssh/known_hosts:1: ${publicIp}\n`,
    );
    h.keys('yes\r');
    await h.waitFor(PROMPT, from);
    expect(h.laptopFile('/home/learner/.ssh/known_hosts')!.split('\n')[1]).toMatch(
      new RegExp(`^${newIp} ssh-ed25519 `),
    );
  });

  it('under BatchMode or strict checking refuses an unknown host; with known_hosts at /dev/null it remembers nothing', async () => {
    const { h, publicIp } = await ready();
    await h.run('chmod 400 lab-key.pem');
    let shown = await h.run(`ssh -o BatchMode=yes -i lab-key.pem ec2-user@${publicIp} true; echo status=$?`);
    expect(shown).toContain('Host key verification failed.\n');
    expect(shown).not.toContain('No ED25519 host key');
    expect(shown).toContain('status=255');
    shown = await h.run(`ssh -o StrictHostKeyChecking=yes -i lab-key.pem ec2-user@${publicIp} true`);
    expect(shown).toContain(
      `No ED25519 host key is known for ${publicIp} and you have requested strict checking.\nHost key verification failed.\n`,
    );
    const quiet = '-o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no';
    shown = await h.run(`ssh ${quiet} -i lab-key.pem ec2-user@${publicIp} echo hello`);
    expect(shown).toContain(`Warning: Permanently added '${publicIp}' (ED25519) to the list of known hosts.\n`);
    expect(shown).toContain('hello\n');
    expect(h.laptopFile('/home/learner/.ssh/known_hosts')).toBeUndefined();
  });

  it('gives up waiting for a dropped connection on Ctrl-C', async () => {
    harness = clientsHarness({ endlessWaits: true });
    const { publicIp } = launchReachable(harness, { sshRule: false });
    await harness.waitFor(PROMPT);
    const from = harness.screen().length;
    harness.keys(`ssh ec2-user@${publicIp}\r`);
    // The line reaches the worker and ssh starts waiting; on a busy machine that takes a moment.
    for (let tries = 0; tries < 500 && harness.waits.length === 0; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(harness.waits).toEqual([20_000]);
    harness.keys('\x03');
    const shown = await harness.waitFor(PROMPT, from);
    expect(shown).toMatch(/\^C\n[^\n]*learner@laptop:~\$ $/);
    expect(shown).not.toContain('Connection timed out');
  });

  it('times out on a private address and is refused by a Windows instance, each with its hint', async () => {
    const { h, publicIp } = await ready({ os: 'windows' });
    let shown = await h.run('ssh ec2-user@172.31.5.10');
    expect(shown).toContain('ssh: connect to host 172.31.5.10 port 22: Connection timed out\n');
    expect(shown).toContain('hint: 172.31.5.10 is a private address, reachable only inside its VPC');
    shown = await h.run(`ssh -i lab-key.pem Administrator@${publicIp}`);
    expect(shown).toContain(`ssh: connect to host ${publicIp} port 22: Connection refused\n`);
    expect(shown).toContain('hint: a Windows instance runs no SSH server');
  });

  it("refuses bad command lines in the installed OpenSSH client's words", async () => {
    harness = clientsHarness();
    await harness.waitFor(PROMPT);
    expect(await harness.run('ssh -Z host')).toContain(
      'unknown option -- Z\nusage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface]\n',
    );
    expect(await harness.run('ssh -p 99999 host')).toContain("Bad port '99999'\n");
    expect(await harness.run('ssh -o Foo=bar host')).toContain('command-line: line 0: Bad configuration option: foo\n');
    expect(await harness.run('ssh -o StrictHostKeyChecking=maybe host')).toContain(
      'command-line line 0: unsupported option "maybe".\n',
    );
    const shown = await harness.run('ssh -o ConnectTimeout=abc host; echo status=$?');
    expect(shown).toContain('command-line line 0: invalid time value.\n');
    expect(shown).toContain('status=255');
  });
});
