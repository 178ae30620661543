/** An entry of a DropdownMenu. */
export interface MenuItem<T extends string> {
  id: T;
  label: string;
  disabled?: boolean;
}
