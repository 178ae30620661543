// Browser mode's server goes away and comes back: the console says "Disconnected — reconnecting",
// a failed action shows the console's own words (no AWS error code for a local outage), and once
// the lab answers again the banner goes and the page catches up by itself.
import { afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import InstancesView from './InstancesView.vue';
import FlashBanners from '../components/shell/FlashBanners.vue';
import ConnectionBanner from '../components/shell/ConnectionBanner.vue';
import { createEngineLab } from '../testing/engine-lab';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, getByText, queryAllByRole } from '../testing/queries';

enableAutoUnmount(afterEach);

const Page = defineComponent(() => () => h('div', [h(ConnectionBanner), h(FlashBanners), h(InstancesView)]));
const body = () => document.body;

async function click(element: HTMLElement): Promise<void> {
  element.click();
  await flushPromises();
}

describe('losing the lab in browser mode', () => {
  it('says Disconnected, refuses actions in its own words, and catches up when the lab is back', async () => {
    const lab = createEngineLab();
    const id = lab.launch().InstanceId!;
    lab.waitFor(id, 'running');
    const { bridge } = await mountLab(Page, { lab });
    expect(body().textContent).not.toContain('Disconnected');

    bridge.disconnect();
    await flushPromises();
    expect(getByText(body(), 'status', /Disconnected from the lab — reconnecting/)).toBeTruthy();

    await click(getByRole(body(), 'checkbox', `Select instance ${id}`));
    await click(getByRole(body(), 'button', 'Instance state'));
    await click(getByRole(getByRole(body(), 'menu'), 'menuitem', 'Stop instance'));
    const dialog = queryAllByRole(body(), 'dialog')[0];
    if (dialog) await click(getByRole(dialog, 'button', 'Stop'));
    const alert = getByRole(body(), 'alert');
    expect(alert.textContent).toContain('The lab could not be reached. Nothing was changed');
    expect(alert.textContent).not.toContain('LabUnreachable');
    expect(alert.textContent).not.toContain('InternalError');

    // Meanwhile the instance changed in the lab (a CLI script, say); the console missed the event.
    lab.ec2('StopInstances', { InstanceIds: [id] });
    lab.waitFor(id, 'stopped');
    await flushPromises();
    expect(getByRole(body(), 'row', new RegExp(id)).textContent).toContain('Running');
    bridge.reconnect();
    await flushPromises();
    expect(body().textContent).not.toContain('Disconnected from the lab');
    expect(getByRole(body(), 'row', new RegExp(id)).textContent).toContain('Stopped');
  });
});
