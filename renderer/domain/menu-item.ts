/** An entry of a DropdownMenu. Consecutive items with the same `group` are shown under that heading. */
export interface MenuItem<T extends string> {
  id: T;
  label: string;
  disabled?: boolean;
  group?: string;
}
