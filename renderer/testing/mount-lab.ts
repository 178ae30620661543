/** Mounts a view or component the way the app runs it: Pinia, vue-i18n and a fake bridge. */
import { mount, flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { Component } from 'vue';
import { setBridge } from '../api/bridge';
import { createLabI18n, type Locale } from '../i18n';
import { useLabStore } from '../stores/lab';
import { createWorld, type FakeWorld } from './fixtures';

export interface MountOptions {
  locale?: Locale;
  world?: FakeWorld;
  props?: Record<string, unknown>;
  /** Load status, regions, clock, instances and catalog before mounting (as App does). */
  load?: boolean;
}

export async function mountLab(component: Component, options: MountOptions = {}) {
  const world = options.world ?? createWorld();
  setBridge(world.bridge);
  const pinia = createPinia();
  setActivePinia(pinia);
  const i18n = createLabI18n(options.locale ?? 'en');
  if (options.load !== false) await useLabStore().reloadAll();
  const wrapper = mount(component, {
    props: options.props,
    attachTo: document.body,
    global: { plugins: [pinia, i18n] },
  });
  await flushPromises();
  return { wrapper, world, bridge: world.bridge, i18n, root: wrapper.element.parentElement as HTMLElement };
}

export { flushPromises };
