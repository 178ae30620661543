import { afterEach, describe, expect, it } from 'vitest';
import { TEST_REGION } from '../../engine/test-support/test-lab';
import { terminalHarness, type TerminalHarness } from '../test-support/terminal-harness';

let harness: TerminalHarness | undefined;
afterEach(() => harness?.close());

function runningInstance(h: TerminalHarness): string {
  const id = h.lab.launch();
  h.lab.pass(60_000);
  expect(h.lab.stateOf(id)).toBe('running');
  return id;
}

async function loginTo(h: TerminalHarness, instanceId: string, user = 'ec2-user') {
  const machine = h.shells.instances.get(TEST_REGION, instanceId)!;
  const ended = h.shells.logins.start(machine, machine.user(user)!, h.session);
  await h.waitFor(/\]\$ $/);
  return ended;
}

describe('a login shell on an instance', () => {
  it('shows the OS banner and prompt, runs commands on the root volume and keeps cwd and variables', async () => {
    harness = terminalHarness();
    const id = runningInstance(harness);
    void loginTo(harness, id);
    expect(harness.screen()).toContain('Amazon Linux 2023');
    expect(harness.screen()).toMatch(/\[ec2-user@ip-172-31-\d+-\d+ ~\]\$ $/);
    expect(await harness.run('whoami')).toContain('ec2-user\n');
    expect(await harness.run('pwd')).toContain('/home/ec2-user\n');
    await harness.run('cd /etc && export GREETING=hello');
    expect(await harness.run('pwd; echo $GREETING')).toContain('/etc\nhello\n');
    expect(harness.screen()).toMatch(/\[ec2-user@ip-[\d-]+ etc\]\$ $/);
    // The file lands on the root volume through the engine.
    await harness.run('cd ~ && echo "from the shell" > note.txt');
    const text = harness.lab.engine.disks.inspect(
      harness.lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!
        .BlockDeviceMappings![0]!.Ebs!.VolumeId!,
      (fs) => fs.readText('/home/ec2-user/note.txt'),
    );
    expect(text).toBe('from the shell\n');
  });

  it('refuses what Linux refuses a normal user, and sudo lifts it', async () => {
    harness = terminalHarness();
    const id = runningInstance(harness);
    void loginTo(harness, id);
    expect(await harness.run('echo x > /etc/lab-test')).toMatch(/Permission denied|permission denied/);
    expect(await harness.run('sudo sh -c "echo x > /etc/lab-test" && cat /etc/lab-test && sudo whoami')).toContain(
      'x\nroot\n',
    );
  });

  it('asks for more lines while a heredoc is open, then runs it whole', async () => {
    harness = terminalHarness();
    const id = runningInstance(harness);
    void loginTo(harness, id);
    harness.keys("cat > greeting.txt <<'EOF'\r");
    await harness.waitFor(/\n> $/);
    harness.keys('line one\rline two\r');
    await harness.run('EOF');
    expect(await harness.run('cat greeting.txt')).toContain('line one\nline two\n');
  });

  it('ends with `exit` and reports the status', async () => {
    harness = terminalHarness();
    const id = runningInstance(harness);
    const ended = loginTo(harness, id);
    harness.keys('exit 3\r');
    expect(await ended).toEqual({ status: 3, closedByRemote: false });
  });

  it('ends as a dropped connection when the instance stops', async () => {
    harness = terminalHarness();
    const id = runningInstance(harness);
    const ended = loginTo(harness, id);
    harness.lab.ec2('StopInstances', { InstanceIds: [id] });
    expect(await ended).toEqual({ status: 255, closedByRemote: true });
  });

  it('cuts a runaway loop off with a message and gives the prompt back', async () => {
    harness = terminalHarness();
    const id = runningInstance(harness);
    void loginTo(harness, id);
    const shown = await harness.run('while true; do :; done');
    expect(shown).toMatch(/too many commands executed/);
    expect(await harness.run('echo still here')).toContain('still here\n');
  });

  it('Ctrl-C aborts a running command', async () => {
    harness = terminalHarness();
    const id = runningInstance(harness);
    void loginTo(harness, id);
    const from = harness.screen().length;
    harness.keys('sleep 30; echo finished\r');
    await new Promise((resolve) => setTimeout(resolve, 50));
    harness.keys('\x03');
    const shown = await harness.waitFor(/\]\$ $/, from + 5);
    expect(shown).toMatch(/\^C\n\[ec2-user@ip-[\d-]+ ~\]\$ $/);
    expect(shown).not.toMatch(/^finished$/m);
  });
});

describe('ls on an instance', () => {
  it('shows modes, owners by name and sizes as GNU ls does', async () => {
    harness = terminalHarness();
    const id = runningInstance(harness);
    void loginTo(harness, id);
    await harness.run('echo hello > key.pem && chmod 400 key.pem && mkdir -p notes');
    const shown = await harness.run('ls -l');
    expect(shown).toMatch(/^-r-------- 1 ec2-user ec2-user 6 \w{3} [ \d]\d \d\d:\d\d key\.pem$/m);
    expect(shown).toMatch(/^drwxr-xr-x 2 ec2-user ec2-user 0 .* notes$/m);
    expect(shown).toMatch(/^total \d+$/m);
    expect(await harness.run('ls -ld /etc')).toMatch(/^drwxr-xr-x 2 root root +\d+ .* \/etc$/m);
    expect(await harness.run('ls /nope')).toContain("ls: cannot access '/nope': No such file or directory");
    expect(await harness.run('ls -a')).toMatch(/^\.$/m);
  });
});
