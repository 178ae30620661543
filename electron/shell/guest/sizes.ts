/** Sizes as util-linux and coreutils print them: `lsblk`'s `8G`, `df -h`'s `8.0G`, binary units. */

const UNITS = ['', 'K', 'M', 'G', 'T', 'P'];

/** df -h / free -h style: one decimal below 10, whole numbers above, rounded up as coreutils does. */
export function humanSize(bytes: number): string {
  if (bytes === 0) return '0';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return String(bytes);
  const shown = value < 10 ? (Math.ceil(value * 10) / 10).toFixed(1) : String(Math.ceil(value));
  return `${shown}${UNITS[unit]}`;
}

/** lsblk style: no trailing `.0` (`8G`, `7.5G`, `1M`). */
export function lsblkSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = Math.round(value * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)}${UNITS[unit] || 'B'}`;
}

export const GIB = 1024 ** 3;

/** Pads cells into columns: `right` lists the columns aligned right. */
export function columns(rows: string[][], right: ReadonlySet<number> = new Set(), gap = ' '): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => {
          const pad = ' '.repeat(widths[i]! - [...cell].length);
          if (i === row.length - 1 && !right.has(i)) return cell;
          return right.has(i) ? pad + cell : cell + pad;
        })
        .join(gap)
        .trimEnd(),
    )
    .join('\n')
    .concat('\n');
}
