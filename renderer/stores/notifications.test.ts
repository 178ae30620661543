/** Flash banners: success expires unless read, errors stay, the same message shows once. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { FLASH_LIFETIME_MS, useNotificationsStore } from './notifications';

describe('notifications', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    setActivePinia(createPinia());
  });
  afterEach(() => vi.useRealTimers());

  it('lets a success banner expire, keeps one the learner is reading, and keeps errors', () => {
    const store = useNotificationsStore();
    const done = store.success('flash.launchSuccess');
    const read = store.success('flash.instanceTypeSaved', { type: 't3.large' });
    const failed = store.error({ code: 'IncorrectInstanceState', message: 'no' });
    store.keep(read);
    vi.advanceTimersByTime(FLASH_LIFETIME_MS - 1);
    expect(store.flashes.map((f) => f.id)).toEqual([failed, read, done]);
    vi.advanceTimersByTime(1);
    expect(store.flashes.map((f) => f.id)).toEqual([failed, read]);
    vi.advanceTimersByTime(10 * FLASH_LIFETIME_MS);
    expect(store.flashes.map((f) => f.id)).toEqual([failed, read]);
  });

  it('shows the same message once, moved to the top with a fresh lifetime', () => {
    const store = useNotificationsStore();
    store.success('flash.launchSuccess', undefined, ['i-0123456789abcdef0']);
    vi.advanceTimersByTime(FLASH_LIFETIME_MS / 2);
    store.error({ code: 'IncorrectInstanceState', message: 'no' });
    const again = store.success('flash.launchSuccess', undefined, ['i-0123456789abcdef0']);
    store.error({ code: 'IncorrectInstanceState', message: 'no' });
    expect(store.flashes).toHaveLength(2);
    vi.advanceTimersByTime(FLASH_LIFETIME_MS - 1);
    expect(store.flashes.map((f) => f.id)).toContain(again);
  });
});
