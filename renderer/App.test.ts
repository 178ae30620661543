// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import App from './App.vue';
import { createEngineLab } from './testing/engine-lab';
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
    const lab = createEngineLab({
      notices: [
        {
          code: 'StateRecovered',
          message: 'The lab could not read its saved state.',
          path: '/home/learner/.config/ec2-lab/lab.db.corrupt-1',
          at: 1714557600000,
        },
      ],
    });
    const { bridge } = await mountLab(App, { lab, load: false });
    const notices = getByRole(body(), 'region', 'Lab notices');
    expect(notices.textContent).toContain('The lab could not read its saved state');
    expect(notices.textContent).toContain('/home/learner/.config/ec2-lab/lab.db.corrupt-1');
    getByRole(notices, 'button', 'Dismiss notice').click();
    await flushPromises();
    expect(bridge.inputsOf('DismissNotice')).toEqual([{ at: 1714557600000 }]);
    expect(queryAllByRole(body(), 'region', 'Lab notices')).toHaveLength(0);
    expect(lab.lab('GetStatus', {}).notices).toEqual([]);
  });

  it('reloads everything when the lab is replaced', async () => {
    const { bridge, lab } = await mountLab(App, { load: false });
    const launched = lab.launch().InstanceId!;
    await flushPromises();
    expect(getByRole(body(), 'row', new RegExp(launched))).toBeTruthy();
    const before = bridge.inputsOf('DescribeInstances').length;
    lab.lab('ResetLab', {});
    await flushPromises();
    expect(queryAllByRole(body(), 'row', new RegExp(launched))).toHaveLength(0);
    expect(getByRole(body(), 'region', 'Lab notices').textContent).toContain('The lab was reset');
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
    const lab = createEngineLab();
    lab.bridge.fail('GetApiAccess', 'InternalError', 'The EC2 API door is not ready.');
    await mountLab(App, { lab, load: false });
    expect(getByRole(body(), 'button', 'Launch instances')).toBeTruthy();
    location.hash = '#/cli-access';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await flushPromises();
    expect(getByRole(body(), 'alert').textContent).toContain('InternalError: The EC2 API door is not ready.');
  });

  it('changes the clock speed and skips ahead through the lab API', async () => {
    const { bridge, lab } = await mountLab(App, { load: false });
    const before = lab.lab('GetClock', {}).now;
    await choose('Clock speed', '60');
    expect(bridge.inputsOf('SetClockSpeed')).toEqual([{ speed: 60 }]);
    expect(lab.lab('GetClock', {}).speed).toBe(60);
    getByRole(body(), 'button', 'Skip 10 min').click();
    await flushPromises();
    expect(bridge.inputsOf('AdvanceClock')).toEqual([{ milliseconds: 600_000 }]);
    expect(lab.lab('GetClock', {}).now).toBe(before + 600_000);
  });
});
