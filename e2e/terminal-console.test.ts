/**
 * The terminal pane in real Chromium against real browser mode: the top bar's Laptop terminal opens
 * a laptop shell, keys typed reach it and what it prints is read as a screen reader reads it (the
 * xterm screen-reader rows), with the console's strict CSP unchanged (xterm's styles adopted as a
 * constructed stylesheet); and an instance's Connect page types its SSH client commands into the
 * laptop tab (EC2 User Guide: connect-linux-inst-ssh).
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

async function expectScreen(terminal: Locator, pattern: RegExp): Promise<void> {
  await expect.poll(() => screenReaderText(terminal), { timeout: UI_TIMEOUT }).toMatch(pattern);
}

describe('terminals in the console', () => {
  it('opens the laptop terminal from the top bar, runs echo hello and reads hello from the screen', async () => {
    const page = consolePage.page;
    const refusedStyles: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/.test(message.text()))
        refusedStyles.push(message.text());
    });
    const response = await page.goto(`${lab.server.url}?token=${lab.server.token}&lang=en#/dashboard`);
    expect(response?.headers()['content-security-policy']).toContain("style-src 'self';");
    await consolePage.open('dashboard');

    await page.getByRole('button', { name: 'Laptop terminal', exact: true }).click();
    const pane = page.getByRole('region', { name: 'Terminals' });
    await expectOne(pane);
    expect(await pane.getByRole('tab', { name: /^Laptop/ }).getAttribute('aria-selected')).toBe('true');
    const terminal = pane.getByRole('region', { name: 'Terminal: Laptop' });
    await expectScreen(terminal, /^learner@laptop:~\$$/);

    // The terminal has focus once opened: keys go to it as they are typed.
    await page.keyboard.type('echo hello');
    await page.keyboard.press('Enter');
    await expectScreen(terminal, /^learner@laptop:~\$ echo hello\nhello\nlearner@laptop:~\$$/);

    // A paste (Ctrl+Shift+V or the browser's paste) goes in as typed keys; Hangul shows in the bundled font.
    await terminal.locator('textarea').evaluate((textarea) => {
      const clipboardData = new DataTransfer();
      clipboardData.setData('text/plain', 'echo 안녕하세요');
      textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    });
    await page.keyboard.press('Enter');
    await expectScreen(terminal, /\n안녕하세요\nlearner@laptop:~\$$/);
    expect(await page.evaluate(() => document.fonts.check('14px "Noto Sans KR"', '안녕하세요'))).toBe(true);

    // xterm's own styles apply, though the CSP refuses inline <style>: they are an adopted stylesheet.
    const styling = await page.evaluate(() => ({
      inlineStyles: document.querySelectorAll('.xterm style').length,
      adopted: document.adoptedStyleSheets.length,
      rowsFont: getComputedStyle(document.querySelector('.xterm-rows')!).fontFamily,
      rowsWhiteSpace: getComputedStyle(document.querySelector('.xterm-rows')!).whiteSpace,
    }));
    expect(styling.inlineStyles).toBe(0);
    expect(styling.adopted).toBe(1);
    expect(styling.rowsFont).toContain('Noto Sans KR');
    expect(styling.rowsWhiteSpace).toBe('pre');
    // …and the page never held one of xterm's <style> elements: the CSP had nothing to refuse. (A
    // selection's cells get a style attribute, which the CSP refuses; xterm's selection layer still
    // shows the selection.)
    expect(refusedStyles).toEqual([]);

    // Selecting text copies it (a double click selects a word); a right click pastes the clipboard.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: lab.server.url });
    const helloRow = (await terminal.locator('.xterm-rows > div').nth(1).boundingBox())!;
    await page.mouse.dblclick(helloRow.x + 12, helloRow.y + helloRow.height / 2);
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: UI_TIMEOUT }).toBe('hello');
    await page.evaluate(() => navigator.clipboard.writeText('echo pasted'));
    await terminal.click({ button: 'right' });
    await expectScreen(terminal, /\$ echo pasted$/); // the clipboard is read asynchronously
    await page.keyboard.press('Enter');
    await expectScreen(terminal, /\$ echo pasted\npasted\nlearner@laptop:~\$$/);

    // A reloaded console finds the session again and shows what it printed (its Backlog) first.
    await consolePage.reload();
    await expectOne(pane.getByRole('tab', { name: /^Laptop/ }));
    await page.getByRole('button', { name: 'Laptop terminal', exact: true }).click();
    await expectScreen(terminal, /^learner@laptop:~\$ echo hello\nhello\n/);
    await page.keyboard.type('echo again');
    await page.keyboard.press('Enter');
    await expectScreen(terminal, /\nagain\nlearner@laptop:~\$$/);

    // The same button shows the open tab again rather than opening another; "+" opens another.
    await pane.getByRole('button', { name: 'Collapse' }).click();
    await page.getByRole('button', { name: 'Laptop terminal', exact: true }).click();
    expect(await pane.getByRole('tab').count()).toBe(1);
    await pane.getByRole('button', { name: 'New laptop terminal' }).click();
    await expect.poll(() => pane.getByRole('tab').count(), { timeout: UI_TIMEOUT }).toBe(2);
    await expect.poll(() => page.evaluate(() => document.adoptedStyleSheets.length), { timeout: UI_TIMEOUT }).toBe(2);

    // Closing a tab ends its session and takes its stylesheet away with its terminal.
    await pane.getByRole('tab').nth(1).press('Delete');
    await expect.poll(() => pane.getByRole('tab').count(), { timeout: UI_TIMEOUT }).toBe(1);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
  });

  it("types the Connect page's SSH client commands into the laptop terminal, one after another", async () => {
    const page = consolePage.page;
    await consolePage.open('key-pairs');
    await page.getByRole('button', { name: 'Create key pair', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Create key pair' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('connect-key');
    const downloading = page.waitForEvent('download', { timeout: UI_TIMEOUT });
    await dialog.getByRole('button', { name: 'Create key pair' }).click();
    await downloading;
    await consolePage.expectBanner('Successfully created key pair connect-key');

    await consolePage.open('launch');
    await page.getByRole('combobox', { name: 'Key pair name' }).selectOption('connect-key');
    const id = await consolePage.submitWizard('connect-me');
    await consolePage.skipOneMinute();
    await consolePage.expectState('connect-me', 'Running');
    await consolePage.selectOnly('connect-me');
    await page.getByRole('main').getByRole('button', { name: 'Connect', exact: true }).click();

    await expectOne(page.getByRole('heading', { name: 'Connect to instance' }));
    const panel = page.getByRole('tabpanel', { name: 'SSH client' });
    await expect
      .poll(() => panel.innerText(), { timeout: UI_TIMEOUT })
      .toContain('ssh -i "connect-key.pem" ec2-user@ec2-');
    const text = await panel.innerText();
    expect(text).toContain(id);
    expect(text).toContain('chmod 400 "connect-key.pem"');
    const ssh = /ssh -i "connect-key\.pem" ec2-user@ec2-[\d-]+\.[a-z0-9-.]+amazonaws\.com/.exec(text)?.[0];
    expect(ssh).toBeDefined();

    await panel.getByRole('button', { name: 'Type into laptop terminal' }).click();
    const terminal = page.getByRole('region', { name: 'Terminals' }).getByRole('region', { name: /^Terminal: / });
    await expectScreen(terminal, /\$ ssh -i "connect-key\.pem" ec2-user@/);
    const screen = await screenReaderText(terminal);
    // Each command was typed after the one before it finished: each follows its own prompt.
    expect(screen).toMatch(/learner@laptop:~\$ cd ~\/Downloads\n/);
    expect(screen).toMatch(/\$ chmod 400 "connect-key\.pem"\n/);
    // The downloaded key (0644, as a browser leaves it) is now the owner's alone.
    expect(screen).toContain('learner@laptop:~/Downloads$ chmod 400 "connect-key.pem"\n');
    await page.keyboard.type('ls -l connect-key.pem');
    await page.keyboard.press('Enter');
    await expectScreen(terminal, /\n-r-------- [^\n]* connect-key\.pem\n[^\n]*\$$/);
  });
});
