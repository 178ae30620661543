/**
 * A long table renders only the rows near the window's view: past VIRTUAL_FROM_ROWS rows, it shows
 * the rows the viewport reaches (and a screen more each way), with spacer rows above and below that
 * keep the page's scroll height, so 5,000 instances scroll as lightly as 50. Rows are of one height
 * (cells do not wrap); it is measured from a rendered row. Shorter tables render every row.
 */
import { computed, nextTick, onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue';

export const VIRTUAL_FROM_ROWS = 200;
/**
 * Rows rendered beyond each edge of the viewport, so a wheel or fling scroll (the compositor moves
 * the page a frame before the rows follow) shows no gap. Every rendered row is laid out and painted
 * again on each step, so this is kept to about 300 px each way.
 */
const OVERSCAN_ROWS = 8;
/** The first rendered row moves in steps of this many, so a slow scroll renders on few frames. */
const STEP_ROWS = 4;

export function useVirtualRows<T>(rows: Ref<readonly T[]>, table: Ref<HTMLElement | undefined>) {
  const rowHeight = ref(37);
  const first = ref(0);
  const count = ref(60);
  const virtual = computed(() => rows.value.length > VIRTUAL_FROM_ROWS);

  function place(): void {
    const body = table.value?.querySelector('tbody');
    if (!virtual.value || !body) return;
    const measured = body.querySelector('tr[data-row]')?.getBoundingClientRect().height;
    if (measured && Math.abs(measured - rowHeight.value) > 0.5) rowHeight.value = measured;
    const above = -body.getBoundingClientRect().top;
    const shown = Math.ceil(window.innerHeight / rowHeight.value) + 2 * OVERSCAN_ROWS + STEP_ROWS;
    const start = Math.floor(Math.max(0, Math.floor(above / rowHeight.value) - OVERSCAN_ROWS) / STEP_ROWS) * STEP_ROWS;
    first.value = Math.max(0, Math.min(start, rows.value.length - shown));
    count.value = shown;
  }

  let frame = 0;
  function schedule(): void {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      place();
    });
  }

  onMounted(() => {
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule, { passive: true });
    schedule();
  });
  onBeforeUnmount(() => {
    window.removeEventListener('scroll', schedule);
    window.removeEventListener('resize', schedule);
    if (frame) cancelAnimationFrame(frame);
  });
  watch(
    () => rows.value.length,
    () => nextTick(schedule),
  );

  const visible = computed(() =>
    virtual.value ? rows.value.slice(first.value, first.value + count.value) : rows.value,
  );
  const spaceBefore = computed(() => (virtual.value ? first.value * rowHeight.value : 0));
  const spaceAfter = computed(() =>
    virtual.value ? Math.max(0, rows.value.length - first.value - count.value) * rowHeight.value : 0,
  );
  return { visible, spaceBefore, spaceAfter };
}
