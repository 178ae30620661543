/**
 * Mounts a view or component the way the app runs it: Pinia, vue-i18n and a bridge to a real
 * engine in memory (engine-lab.ts). `flushPromises` here waits until the lab has settled: every
 * call answered and every engine event handled.
 */
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { Component } from 'vue';
import { setBridge } from '../api/bridge';
import { createLabI18n, type Locale } from '../i18n';
import { useLabStore } from '../stores/lab';
import { settle } from './delivery';
import { createEngineLab, type EngineLab } from './engine-lab';

export interface MountOptions {
  locale?: Locale;
  /** The lab to talk to; a fresh one by default. */
  lab?: EngineLab;
  props?: Record<string, unknown>;
  /** Load status, regions, clock, instances and catalog before mounting (as App does). */
  load?: boolean;
}

export async function mountLab(component: Component, options: MountOptions = {}) {
  const lab = options.lab ?? createEngineLab();
  setBridge(lab.bridge);
  const pinia = createPinia();
  setActivePinia(pinia);
  const i18n = createLabI18n(options.locale ?? 'en');
  if (options.load !== false) await useLabStore().reloadAll();
  const wrapper = mount(component, {
    props: options.props,
    attachTo: document.body,
    global: { plugins: [pinia, i18n] },
  });
  await settle();
  return { wrapper, lab, bridge: lab.bridge, i18n, root: wrapper.element.parentElement as HTMLElement };
}

export { settle as flushPromises };
