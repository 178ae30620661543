/** An entry of a DropdownMenu. Consecutive items with the same `group` are shown under that heading. */
export interface MenuItem<T extends string> {
  id: T;
  label: string;
  disabled?: boolean;
  /** Why a disabled item is disabled: shown on hover and read as its description; it stays focusable. */
  reason?: string;
  group?: string;
}
