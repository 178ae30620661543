/**
 * The console as the e2e tests drive it, in one place: open a page once the lab has loaded, launch
 * an instance through the wizard, find an instance's row and wait for its state, choose from the
 * Instance state and Actions menus, skip lab time, wait for an alert or a banner. Every e2e file
 * that opens the console goes through this page object, so a change to the console's labels or
 * layout is fixed here once.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** How long the console may take to show what a test waits for. */
export const UI_TIMEOUT = 15_000;

export type Language = 'en' | 'ko';

interface Labels {
  name: string;
  instanceType: string;
  launch: string;
  instanceState: string;
  skipOneMinute: string;
  /** The launch banner, with the new instance's id as its first group. */
  launched: RegExp;
}

const LABELS: Record<Language, Labels> = {
  en: {
    name: 'Name',
    instanceType: 'Instance type',
    launch: 'Launch instance',
    instanceState: 'Instance state',
    skipOneMinute: 'Skip 1 min',
    launched: /Successfully initiated launch of instance \((i-[0-9a-f]{17})\)/,
  },
  ko: {
    name: '이름',
    instanceType: '인스턴스 유형',
    launch: '인스턴스 시작',
    instanceState: '인스턴스 상태',
    skipOneMinute: '1분 건너뛰기',
    launched: /인스턴스\((i-[0-9a-f]{17})\)를 성공적으로 시작했습니다/,
  },
};

/** Where the console is: a page, and a server whose address may change when it restarts. */
export interface ConsoleTarget {
  readonly page: Page;
  readonly server: { readonly url: string; readonly token: string };
}

/** Waits until `locator` matches exactly one element. */
export async function expectOne(locator: Locator): Promise<void> {
  await expect.poll(() => locator.count(), { timeout: UI_TIMEOUT }).toBe(1);
}

/** Waits until `locator` matches nothing. */
export async function expectNone(locator: Locator): Promise<void> {
  await expect.poll(() => locator.count(), { timeout: UI_TIMEOUT }).toBe(0);
}

export class ConsolePage {
  constructor(
    private readonly target: ConsoleTarget,
    readonly language: Language = 'en',
  ) {}

  get page(): Page {
    return this.target.page;
  }

  private get labels(): Labels {
    return LABELS[this.language];
  }

  /**
   * Opens a route (`instances`, `launch`, `activity`, `settings`…) in this language and waits until
   * the lab has loaded and the view is shown (not the loading line).
   */
  async open(route: string): Promise<void> {
    // The token in the address becomes the page's cookie; the server then drops it from the address.
    const { url, token } = this.target.server;
    await this.page.goto(`${url}?token=${token}&lang=${this.language}#/${route}`);
    await this.waitForView();
  }

  /** Reloads the page and waits for the view again. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitForView();
  }

  private async waitForView(): Promise<void> {
    await expectOne(this.page.getByRole('main'));
    await expectNone(this.page.getByRole('main').locator('.app__loading'));
  }

  /** Launches one t3.micro through the wizard and returns its id, read from the launch banner. */
  async launch(name: string, options: { image?: string } = {}): Promise<string> {
    await this.open('launch');
    return this.submitWizard(name, options);
  }

  /** On the launch wizard: names the instance, picks the image if asked and t3.micro, and launches. */
  async submitWizard(name: string, options: { image?: string } = {}): Promise<string> {
    await this.page.getByRole('textbox', { name: this.labels.name }).fill(name);
    if (options.image) await this.page.getByRole('radio', { name: options.image }).check();
    await this.page.getByRole('combobox', { name: this.labels.instanceType }).selectOption('t3.micro');
    // Banners stay until dismissed: the new instance's id is the one no earlier banner named.
    const banners = this.page.getByRole('status').filter({ hasText: this.labels.launched });
    const earlier = await this.launchedIds(banners);
    await this.page.getByRole('button', { name: this.labels.launch, exact: true }).click();
    let launched: string[] = [];
    await expect
      .poll(async () => (launched = (await this.launchedIds(banners)).filter((id) => !earlier.includes(id))).length, {
        timeout: UI_TIMEOUT,
      })
      .toBe(1);
    await this.expectState(name, this.language === 'en' ? 'Pending' : '대기 중');
    expect(await this.row(name).innerText()).toContain(launched[0]);
    return launched[0]!;
  }

  private async launchedIds(banners: Locator): Promise<string[]> {
    const texts = await banners.allInnerTexts();
    return texts.map((text) => this.labels.launched.exec(text)?.[1] ?? '');
  }

  /** Launches through the wizard and skips lab time until the instance is running. */
  async launchRunning(name: string): Promise<string> {
    const id = await this.launch(name);
    await this.skipOneMinute();
    await this.expectState(name, this.language === 'en' ? 'Running' : '실행 중');
    return id;
  }

  /** The Instances list row of the instance with this name (or id). */
  row(name: string): Locator {
    return this.page.getByRole('row').filter({ hasText: name });
  }

  /** Waits until the row shows `text` (a state such as `Running`, or a type). */
  async expectState(name: string, text: string): Promise<void> {
    await expect.poll(() => this.row(name).first().innerText(), { timeout: UI_TIMEOUT }).toContain(text);
  }

  /** Selects this instance alone in the Instances list, as a click on its id does. */
  async selectOnly(name: string): Promise<void> {
    const row = this.row(name);
    await row.getByRole('link', { name: /^i-[0-9a-f]{17}$/ }).click();
    await expect.poll(() => row.getByRole('checkbox').isChecked(), { timeout: UI_TIMEOUT }).toBe(true);
  }

  /** Instance state → `action` for the selected instances, confirming with `confirm` if asked. */
  async chooseState(action: string, confirm?: string): Promise<void> {
    await this.page.getByRole('button', { name: this.labels.instanceState }).click();
    await this.page.getByRole('menuitem', { name: action }).click();
    if (confirm) await this.page.getByRole('dialog').getByRole('button', { name: confirm, exact: true }).click();
  }

  /** Actions → Instance settings → `item`; returns the dialog once it has read the current value. */
  async openSetting(item: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Actions', exact: true }).click();
    await this.page
      .getByRole('menu', { name: 'Actions' })
      .getByRole('group', { name: 'Instance settings' })
      .getByRole('menuitem', { name: item })
      .click();
    const dialog = this.page.getByRole('dialog', { name: item });
    await expectOne(dialog);
    await expectNone(dialog.getByText('Loading…'));
    return dialog;
  }

  /** A value in the details panel of the selected instance. */
  detailValue(label: string): Locator {
    return this.page
      .getByRole('region', { name: /^Details of instance/ })
      .locator('dt', { hasText: label })
      .locator('+ dd');
  }

  async skipOneMinute(): Promise<void> {
    await this.page.getByRole('button', { name: this.labels.skipOneMinute }).click();
  }

  /** Waits for the one error alert that names this AWS error code, and returns it. */
  async expectAlert(code: string): Promise<Locator> {
    const alert = this.page.getByRole('alert').filter({ hasText: code });
    await expectOne(alert);
    return alert;
  }

  /** Waits for the one success banner that contains `text`. */
  async expectBanner(text: string): Promise<void> {
    await expectOne(this.page.getByRole('status').filter({ hasText: text }));
  }
}
