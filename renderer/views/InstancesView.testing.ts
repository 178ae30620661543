/**
 * Shared steps of the Instances page's component tests: the page with its banners, a lab with
 * instances in wanted states, and the clicks a learner makes.
 */
import { defineComponent, h } from 'vue';
import InstancesView from './InstancesView.vue';
import FlashBanners from '../components/shell/FlashBanners.vue';
import { createEngineLab, type EngineLab } from '../testing/engine-lab';
import { flushPromises } from '../testing/mount-lab';
import { getByRole } from '../testing/queries';

/** The Instances page with the flash banners above it, as App lays them out. */
export const InstancesPage = defineComponent(() => () => h('div', [h(FlashBanners), h(InstancesView)]));

export const body = () => document.body;

/** Status checks pass two minutes after an instance first runs (engine lifecycle timings). */
export const CHECKS_MS = 3 * 60_000;

export function rowOf(id: string): HTMLElement {
  return getByRole(body(), 'row', new RegExp(id));
}

export async function click(element: HTMLElement): Promise<void> {
  element.click();
  await flushPromises();
}

/** Opens the Instance state menu and answers it. */
export async function openStateMenu(): Promise<HTMLElement> {
  await click(getByRole(body(), 'button', 'Instance state'));
  return getByRole(body(), 'menu');
}

export async function chooseFromStateMenu(item: string): Promise<void> {
  await click(getByRole(await openStateMenu(), 'menuitem', item));
}

/** A lab with one instance per wanted state (Name-tagged server-1, server-2 … in order), and their ids. */
export function labWith(...wanted: ('pending' | 'running' | 'stopped')[]): { lab: EngineLab; ids: string[] } {
  const lab = createEngineLab();
  const ids: string[] = [];
  const launch = (index: number) =>
    (ids[index] = lab.launch({
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: `server-${index + 1}` }] }],
    }).InstanceId!);
  wanted.forEach((state, index) => state !== 'pending' && launch(index));
  if (ids.length) lab.pass(CHECKS_MS);
  const stopped = ids.filter((_, index) => wanted[index] === 'stopped');
  if (stopped.length) {
    lab.ec2('StopInstances', { InstanceIds: stopped });
    stopped.forEach((id) => lab.waitFor(id, 'stopped'));
  }
  wanted.forEach((state, index) => state === 'pending' && launch(index));
  return { lab, ids };
}
