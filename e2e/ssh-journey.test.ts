/**
 * A new user's first SSH login, in real Chromium against real browser mode, as the EC2 User Guide
 * walks it (connect-linux-inst-ssh, ebs-using-volumes): create a key pair (its .pem lands in the
 * laptop's ~/Downloads with mode 0644), launch an instance with a new security group allowing SSH
 * from My IP, attach an EBS volume, meet OpenSSH's UNPROTECTED PRIVATE KEY FILE block, chmod 400,
 * accept the host key, format and mount the volume, write a file, and read it again after a stop
 * and start; then revoke the SSH rule and watch ssh time out with the hint saying why. The terminal
 * is read as a screen reader reads it.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ConsolePage, expectOne, UI_TIMEOUT } from './support/console-page';
import { useLabSession } from './support/lab-session';

const lab = useLabSession();
const consolePage = new ConsolePage(lab);

/** What a screen reader reads of a terminal: its accessibility rows, one line each. */
async function screenReaderText(terminal: Locator): Promise<string> {
  const rows = await terminal.locator('.xterm-accessibility-tree [role="listitem"]').allTextContents();
  return rows
    .map((row) => row.replace(/\s+$/, ''))
    .join('\n')
    .trimEnd();
}

async function expectScreen(terminal: Locator, pattern: RegExp): Promise<string> {
  await expect.poll(() => screenReaderText(terminal), { timeout: UI_TIMEOUT }).toMatch(pattern);
  return screenReaderText(terminal);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Waits until the typed `line` shows (it may wrap over rows), then until what follows its last echo
 * matches `pattern`, and returns that output; once a long output has scrolled the echo away, the
 * whole screen is what followed it. The screen before the command cannot satisfy the wait.
 */
async function expectAfter(terminal: Locator, line: string, pattern: RegExp): Promise<string> {
  const echo = new RegExp(`${[...line].map(escape).join('\\n?')}\\n`, 'g');
  const typed = new RegExp(echo.source);
  await expect.poll(async () => typed.test(await screenReaderText(terminal)), { timeout: UI_TIMEOUT }).toBe(true);
  const output = async () => {
    const screen = await screenReaderText(terminal);
    const last = [...screen.matchAll(echo)].pop();
    return last ? screen.slice(last.index + last[0].length) : screen;
  };
  await expect.poll(output, { timeout: UI_TIMEOUT }).toMatch(pattern);
  return output();
}

/** The instance's details panel value (the instance is selected on the Instances page). */
async function detail(label: string): Promise<string> {
  const value = consolePage.detailValue(label);
  await expect.poll(() => value.innerText(), { timeout: UI_TIMEOUT }).toMatch(/\S/);
  return (await value.innerText()).trim();
}

describe('a first SSH login from the laptop terminal', () => {
  it('connects with the downloaded key after chmod 400, keeps a file on EBS across stop/start, and times out once SSH is revoked', async () => {
    const page = consolePage.page;

    // 1. A key pair: the browser downloads my-key.pem.
    await consolePage.open('key-pairs');
    await page.getByRole('button', { name: 'Create key pair', exact: true }).click();
    const keyDialog = page.getByRole('dialog', { name: 'Create key pair' });
    await keyDialog.getByRole('textbox', { name: 'Name' }).fill('my-key');
    const downloading = page.waitForEvent('download', { timeout: UI_TIMEOUT });
    await keyDialog.getByRole('button', { name: 'Create key pair' }).click();
    expect((await downloading).suggestedFilename()).toBe('my-key.pem');

    // 2. An instance with that key and a new security group allowing SSH from My IP.
    await consolePage.open('launch');
    await page.getByRole('combobox', { name: 'Key pair name' }).selectOption('my-key');
    await page.getByRole('radio', { name: 'Create security group' }).check();
    await page.getByRole('combobox', { name: 'SSH source' }).selectOption('my-ip');
    const instanceId = await consolePage.submitWizard('ssh-journey');
    await consolePage.skipOneMinute();
    await consolePage.expectState('ssh-journey', 'Running');
    await consolePage.selectOnly('ssh-journey');
    const zone = await detail('Availability Zone');
    const firstIp = await detail('Public IPv4 address');
    expect(firstIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    await page.getByRole('tab', { name: 'Security' }).click();
    const groupId = /sg-[0-9a-f]{17}/.exec(await page.getByRole('tabpanel').innerText())![0];

    // …and an EBS volume in its zone, attached as /dev/sdf (the lab clock runs past the status checks).
    await consolePage.open('volumes');
    await page.getByRole('button', { name: 'Create volume', exact: true }).click();
    const create = page.getByRole('dialog', { name: 'Create volume' });
    await create.getByRole('textbox', { name: /^Size \(GiB\)/ }).fill('8');
    await create.getByRole('combobox', { name: /^Availability Zone/ }).selectOption(zone);
    await create.getByRole('button', { name: 'Create volume' }).click();
    await consolePage.expectBanner('is being created');
    const volumeRow = page.getByRole('row').filter({ hasText: '8 GiB' }).filter({ hasText: 'Creating' });
    await expectOne(volumeRow);
    const volumeId = /vol-[0-9a-f]{17}/.exec(await volumeRow.innerText())![0];
    const volume = page.getByRole('row').filter({ hasText: volumeId });
    await consolePage.skipOneMinute();
    await expect.poll(() => volume.innerText(), { timeout: UI_TIMEOUT }).toContain('Available');
    await volume.click();
    await page.getByRole('button', { name: 'Actions', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Attach volume' }).click();
    const attach = page.getByRole('dialog', { name: 'Attach volume' });
    await attach.getByRole('combobox', { name: /^Instance/ }).selectOption(instanceId);
    await attach.getByRole('button', { name: 'Attach volume' }).click();
    await consolePage.skipOneMinute();
    await expect
      .poll(() => volume.innerText(), { timeout: UI_TIMEOUT })
      .toContain(`${instanceId} (/dev/sdf): attached`);

    // 3. The laptop terminal: the downloaded key is 0644, and ssh refuses to use it.
    await page.getByRole('button', { name: 'Laptop terminal', exact: true }).click();
    const terminal = page.getByRole('region', { name: 'Terminals' }).getByRole('region', { name: /^Terminal: / }); // its title follows the session (ssh renames it)
    await expectScreen(terminal, /learner@laptop:~\$$/);
    const run = async (line: string, pattern: RegExp): Promise<string> => {
      await page.keyboard.press('Control+L'); // the screen is the prompt alone once cleared
      await expect.poll(() => screenReaderText(terminal), { timeout: UI_TIMEOUT }).toMatch(/^[^\n]*\$$/);
      await page.keyboard.type(line);
      await page.keyboard.press('Enter');
      return expectAfter(terminal, line, pattern);
    };
    await run('cd ~/Downloads && ls -l my-key.pem', /^-rw-r--r-- [^\n]* my-key\.pem\nlearner@laptop:~\/Downloads\$$/);
    const sshTo = (ip: string) => `ssh -i my-key.pem ec2-user@${ip}`;
    const askingHostKey = /Are you sure you want to continue connecting \(yes\/no\/\[fingerprint\]\)\?$/;
    // As OpenSSH does, the host key is checked first: yes adds it to known_hosts; then the key is refused.
    let screen = await run(sshTo(firstIp), askingHostKey);
    expect(screen).toContain(`The authenticity of host '${firstIp} (${firstIp})' can't be established.`);
    const fingerprint = /ED25519 key fingerprint is (SHA256:\S+)\./.exec(screen)?.[1];
    expect(fingerprint).toBeDefined();
    await page.keyboard.type('yes');
    await page.keyboard.press('Enter');
    screen = await expectAfter(terminal, sshTo(firstIp), /\nlearner@laptop:~\/Downloads\$$/);
    expect(screen).toContain(`Warning: Permanently added '${firstIp}' (ED25519) to the list of known hosts.`);
    expect(screen).toContain('@         WARNING: UNPROTECTED PRIVATE KEY FILE!          @');
    expect(screen).toContain("Permissions 0644 for 'my-key.pem' are too open.");
    expect(screen).toContain('Load key "my-key.pem": bad permissions');
    expect(screen).toContain(`ec2-user@${firstIp}: Permission denied (publickey`);

    // chmod 400, connect again: the host is known now, and the instance's prompt appears.
    await run('chmod 400 my-key.pem', /^learner@laptop:~\/Downloads\$$/);
    screen = await run(sshTo(firstIp), /\n\[ec2-user@ip-\d+-\d+-\d+-\d+ ~\]\$$/);
    expect(screen).not.toContain('Are you sure');
    const prompt = /\[ec2-user@ip-\d+-\d+-\d+-\d+ ~\]\$$/.exec(screen)![0];
    const atPrompt = new RegExp(`\\n${escape(prompt)}$`);

    // 4. The volume is a bare NVMe device: format it, mount it, write a file, leave.
    screen = await run('lsblk', atPrompt);
    expect(screen).toMatch(/\nnvme0n1 /);
    expect(screen).toMatch(/\nnvme1n1 +\d+:\d+ +0 +8G +0 disk *\n/);
    screen = await run('sudo mkfs -t xfs /dev/nvme1n1', atPrompt);
    expect(screen).toContain('meta-data=/dev/nvme1n1');
    await run('sudo mkdir /data && sudo mount /dev/nvme1n1 /data && echo mounted', /^mounted\n[^\n]*\$$/);
    await run('echo "kept on EBS" | sudo tee /data/note.txt', /(^|\n)kept on EBS\n[^\n]*\$$/);
    screen = await run('exit', /\nlearner@laptop:~\/Downloads\$$/);
    expect(screen).toContain(`Connection to ${firstIp} closed.`);

    // 5. Stop and start: a new public IP, the same host key, and the file still on the volume.
    await consolePage.open('instances');
    await consolePage.selectOnly('ssh-journey');
    await consolePage.chooseState('Stop instance', 'Stop');
    await consolePage.expectState('ssh-journey', 'Stopping');
    await consolePage.skipOneMinute();
    await consolePage.expectState('ssh-journey', 'Stopped');
    await consolePage.chooseState('Start instance');
    await consolePage.expectState('ssh-journey', 'Pending');
    for (let minute = 0; minute < 3; minute += 1) await consolePage.skipOneMinute(); // running, then status checks
    await consolePage.expectState('ssh-journey', 'Running');
    await consolePage.selectOnly('ssh-journey');
    const secondIp = await detail('Public IPv4 address');
    expect(secondIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(secondIp).not.toBe(firstIp);

    await page.getByRole('button', { name: 'Laptop terminal', exact: true }).click();
    screen = await run(sshTo(secondIp), askingHostKey);
    expect(screen).toContain(`ED25519 key fingerprint is ${fingerprint}.`);
    await page.keyboard.type('yes');
    await page.keyboard.press('Enter');
    await expectScreen(terminal, atPrompt);
    await run('sudo mount /dev/nvme1n1 /data && cat /data/note.txt', /(^|\n)kept on EBS\n[^\n]*\$$/);
    screen = await run('exit', /\nlearner@laptop:~\/Downloads\$$/);
    expect(screen).toContain(`Connection to ${secondIp} closed.`);

    // 6. Revoke the SSH rule: ssh now times out, and the hint says which group lacks the rule.
    await consolePage.open('security-groups');
    await page.getByRole('row').filter({ hasText: groupId }).click();
    await page.getByRole('button', { name: 'Actions', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Edit inbound rules' }).click();
    const editDialog = page.getByRole('dialog', { name: 'Edit inbound rules' });
    await editDialog.getByRole('group', { name: 'Rule 1' }).getByRole('button', { name: 'Delete' }).click();
    await editDialog.getByRole('button', { name: 'Save rules' }).click();
    await consolePage.expectBanner(`Security group rules of ${groupId} were updated`);

    await page.getByRole('button', { name: 'Laptop terminal', exact: true }).click();
    screen = await run(
      `ssh -o ConnectTimeout=2 -i my-key.pem ec2-user@${secondIp}`,
      /\nlearner@laptop:~\/Downloads\$$/,
    );
    expect(screen).toContain(`ssh: connect to host ${secondIp} port 22: Connection timed out`);
    expect(screen).toMatch(new RegExp(`\\nhint: security group ${groupId} has no inbound rule for tcp/22 from `));
  });
});
