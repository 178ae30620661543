// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import App from './App.vue';
import { createWorld } from './testing/fixtures';
import { flushPromises, mountLab } from './testing/mount-lab';
import { getByRole, queryAllByRole } from './testing/queries';
import { createLabI18n, LOCALE_STORAGE_KEY } from './i18n';

enableAutoUnmount(afterEach);
const body = () => document.body;

beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, '', '/');
  location.hash = '#/instances';
});

async function choose(name: string, value: string): Promise<void> {
  const select = getByRole(body(), 'combobox', name) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await flushPromises();
}

describe('App shell', () => {
  it('shows the console shell with brand, region, clock and navigation', async () => {
    await mountLab(App, { load: false });
    expect(getByRole(body(), 'link', 'EC2 Lab')).toBeTruthy();
    expect((getByRole(body(), 'combobox', 'Region') as HTMLSelectElement).value).toBe('ap-northeast-2');
    expect(getByRole(body(), 'combobox', 'Clock speed').textContent).toContain('Paused');
    expect(getByRole(body(), 'button', 'Skip 1 min')).toBeTruthy();
    const nav = getByRole(body(), 'navigation', 'EC2 navigation');
    expect(getByRole(nav, 'link', 'Instances').getAttribute('aria-current')).toBe('page');
    expect(nav.textContent).toContain('Elastic Block Store');
    expect(getByRole(body(), 'button', 'Launch instances')).toBeTruthy();
  });

  it('switches labels between English and Korean and remembers the choice', async () => {
    await mountLab(App, { load: false });
    expect(getByRole(body(), 'button', 'Instance state')).toBeTruthy();
    await choose('Language', 'ko');
    expect(getByRole(body(), 'button', '인스턴스 상태')).toBeTruthy();
    expect(getByRole(body(), 'button', '인스턴스 시작')).toBeTruthy();
    expect(getByRole(body(), 'columnheader', /^가용 영역/)).toBeTruthy();
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('ko');
    expect(document.documentElement.lang).toBe('ko');
    await choose('언어', 'en');
    expect(getByRole(body(), 'button', 'Instance state')).toBeTruthy();
  });

  it('forces English with ?lang=en even when Korean was chosen before', async () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'ko');
    history.replaceState(null, '', '/?lang=en#/instances');
    const i18n = createLabI18n();
    expect(i18n.global.locale.value).toBe('en');
    history.replaceState(null, '', '/#/instances');
    expect(createLabI18n().global.locale.value).toBe('ko');
  });

  it('shows a start-up notice and dismisses it with DismissNotice', async () => {
    const world = createWorld();
    world.status.notices = [
      {
        code: 'StateRecovered',
        message: 'The lab could not read its saved state.',
        path: '/home/learner/.config/ec2-lab/lab.db.corrupt-1',
        at: 1714557600000,
      },
    ];
    const { bridge } = await mountLab(App, { world, load: false });
    const notices = getByRole(body(), 'region', 'Lab notices');
    expect(notices.textContent).toContain('The lab could not read its saved state');
    expect(notices.textContent).toContain('/home/learner/.config/ec2-lab/lab.db.corrupt-1');
    getByRole(notices, 'button', 'Dismiss notice').click();
    await flushPromises();
    expect(bridge.inputsOf('DismissNotice')).toEqual([{ at: 1714557600000 }]);
    expect(queryAllByRole(body(), 'region', 'Lab notices')).toHaveLength(0);
  });

  it('reloads everything when the lab is replaced', async () => {
    const { bridge, world } = await mountLab(App, { load: false });
    const before = bridge.inputsOf('DescribeInstances').length;
    world.status = { ...world.status, dataDirectory: '/tmp/other-lab' };
    bridge.emit({ type: 'lab-replaced', status: world.status });
    await flushPromises();
    expect(bridge.inputsOf('DescribeInstances').length).toBe(before + 1);
    expect(bridge.inputsOf('GetStatus').length).toBe(2);
    expect(bridge.inputsOf('GetApiAccess').length).toBe(2);
    expect(bridge.inputsOf('DescribeActivity').length).toBe(2);
  });

  it('opens CLI access and Activity from the Developer tools group', async () => {
    await mountLab(App, { load: false });
    const nav = getByRole(body(), 'navigation', 'EC2 navigation');
    expect(getByRole(nav, 'heading', 'Developer tools')).toBeTruthy();
    const cliAccess = getByRole(nav, 'link', 'CLI access');
    expect(cliAccess.getAttribute('href')).toBe('#/cli-access');
    location.hash = '#/cli-access';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await flushPromises();
    expect(getByRole(body(), 'heading', 'CLI access')).toBeTruthy();
    expect(cliAccess.getAttribute('aria-current')).toBe('page');

    expect(getByRole(nav, 'link', 'Activity').getAttribute('href')).toBe('#/activity');
    location.hash = '#/activity';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await flushPromises();
    expect(getByRole(body(), 'heading', 'Activity')).toBeTruthy();
    expect(getByRole(body(), 'table', 'Event history')).toBeTruthy();
  });

  it('keeps the console working when the EC2 API settings cannot be read', async () => {
    const world = createWorld();
    world.bridge.fail('GetApiAccess', 'InternalError', 'The EC2 API door is not ready.');
    await mountLab(App, { world, load: false });
    expect(getByRole(body(), 'button', 'Launch instances')).toBeTruthy();
    location.hash = '#/cli-access';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await flushPromises();
    expect(getByRole(body(), 'alert').textContent).toContain('InternalError: The EC2 API door is not ready.');
  });

  it('changes the clock speed and skips ahead through the lab API', async () => {
    const world = createWorld();
    world.bridge.handle('AdvanceClock', (input: { milliseconds: number }) => ({
      now: Date.parse('2025-05-01T10:00:00Z') + input.milliseconds,
      speed: 1,
    }));
    const { bridge } = await mountLab(App, { world, load: false });
    await choose('Clock speed', '60');
    expect(bridge.inputsOf('SetClockSpeed')).toEqual([{ speed: 60 }]);
    getByRole(body(), 'button', 'Skip 10 min').click();
    await flushPromises();
    expect(bridge.inputsOf('AdvanceClock')).toEqual([{ milliseconds: 600_000 }]);
  });
});
