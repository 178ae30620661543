import { afterEach, describe, expect, it } from 'vitest';
import { clientsHarness, launchReachable, type ClientsHarness } from '../test-support/laptop-clients-harness';

/** Each test launches instances and runs several clients; a machine shared with other runs needs room. */
const ROOM = { timeout: 20_000 };

let harness: ClientsHarness | undefined;
afterEach(() => harness?.close());

const PROMPT = /learner@laptop:[^\n]*\$ $/;
const TRUST_NEW = '-o StrictHostKeyChecking=accept-new -i lab-key.pem';

async function ready(options: Parameters<typeof launchReachable>[1] = {}) {
  harness = clientsHarness();
  const instance = launchReachable(harness, options);
  harness.saveKeyFile('lab-key.pem', instance.keyMaterial);
  await harness.waitFor(PROMPT);
  await harness.run('cd ~/Downloads');
  return { h: harness, ...instance };
}

describe('scp between the laptop and an instance', ROOM, () => {
  it('copies a file in as the login user and back out, and the instance shell reads it', async () => {
    const { h, publicIp } = await ready();
    await h.run('chmod 400 lab-key.pem && echo "notes from the laptop" > notes.txt');
    let shown = await h.run(`scp ${TRUST_NEW} notes.txt ec2-user@${publicIp}:; echo status=$?`);
    expect(shown).toContain('status=0');
    shown = await h.run(`ssh ${TRUST_NEW} ec2-user@${publicIp} 'cat ~/notes.txt; ls -l notes.txt'`);
    expect(shown).toContain('notes from the laptop\n');
    expect(shown).toMatch(/-rw-r--r-- 1 ec2-user ec2-user \d+ .* notes\.txt/);
    shown = await h.run(`scp ${TRUST_NEW} ec2-user@${publicIp}:notes.txt back.txt && cat back.txt`);
    expect(shown).toContain('notes from the laptop\n');
  });

  it("writes only where the login user may, and says what is missing in scp's words", async () => {
    const { h, publicIp } = await ready();
    await h.run('chmod 400 lab-key.pem && echo x > x.txt');
    let shown = await h.run(`scp ${TRUST_NEW} x.txt ec2-user@${publicIp}:/etc/x.txt; echo status=$?`);
    expect(shown).toContain('scp: dest open "/etc/x.txt": Permission denied\n');
    expect(shown).toContain('status=1');
    shown = await h.run(`scp ${TRUST_NEW} nothing.txt ec2-user@${publicIp}:`);
    expect(shown).toContain('scp: stat local "nothing.txt": No such file or directory\n');
    shown = await h.run(`scp ${TRUST_NEW} ec2-user@${publicIp}:/nothing.txt .`);
    expect(shown).toContain('scp: /nothing.txt: No such file or directory\n');
  });

  it('meets the same refusals as ssh: a key file open to others', async () => {
    const { h, publicIp } = await ready();
    await h.run('echo x > x.txt');
    const shown = await h.run(`scp ${TRUST_NEW} x.txt ec2-user@${publicIp}:; echo status=$?`);
    expect(shown).toContain("Permissions 0644 for 'lab-key.pem' are too open.");
    expect(shown).toContain(`ec2-user@${publicIp}: Permission denied (publickey,gssapi-keyex,gssapi-with-mic).\n`);
    expect(shown).toContain('status=255');
  });

  it('copies a directory with -r', async () => {
    const { h, publicIp } = await ready();
    await h.run('chmod 400 lab-key.pem && mkdir site && echo "<h1>hi</h1>" > site/index.html');
    await h.run(`scp -r ${TRUST_NEW} site ec2-user@${publicIp}:`);
    const shown = await h.run(`ssh ${TRUST_NEW} ec2-user@${publicIp} cat site/index.html`);
    expect(shown).toContain('<h1>hi</h1>\n');
  });
});
