/**
 * The bench's global setup: empties the results file before the run and prints every recorded
 * figure as one table (lab, ceiling, ratio, target, PASS/FAIL) after it.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { RESULTS_FILE, TABLE_HEADER, formatRow, type Row } from './verdict';

export function setup(): void {
  rmSync(RESULTS_FILE, { force: true });
}

export function teardown(): void {
  if (!existsSync(RESULTS_FILE)) return;
  const rows = readFileSync(RESULTS_FILE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Row);
  const failed = rows.filter((row) => !row.pass).length;
  console.log(`\nEC2 Lab bench: ${rows.length} figures, ${failed} below target\n${TABLE_HEADER}`);
  for (const row of rows) console.log(formatRow(row));
}
