/**
 * The checkbox column of the console's resource tables: a header box that selects or clears every
 * row, a box per row that adds or removes it, and a click on a row that selects it alone. The
 * selection is the table's `selectedIds` model, so the page owns it.
 */
import { computed, type Ref } from 'vue';

export function useRowSelection<T>(rows: () => readonly T[], idOf: (row: T) => string, selectedIds: Ref<string[]>) {
  // A set, so "all selected" of 5,000 rows is 5,000 look-ups, not 5,000 scans of the selection.
  const chosen = computed(() => new Set(selectedIds.value));
  const allSelected = computed(() => rows().length > 0 && rows().every((row) => chosen.value.has(idOf(row))));

  function toggleAll(): void {
    selectedIds.value = allSelected.value ? [] : rows().map(idOf);
  }

  function toggle(id: string): void {
    selectedIds.value = selectedIds.value.includes(id)
      ? selectedIds.value.filter((selected) => selected !== id)
      : [...selectedIds.value, id];
  }

  function selectOnly(id: string): void {
    selectedIds.value = [id];
  }

  return { allSelected, toggleAll, toggle, selectOnly };
}
