/**
 * The targets as the bench checks them: each figure is recorded with its ceiling (the bare
 * loopback server's figure for the same bytes, measured in the same run) where it has one, the ratio
 * to it, and PASS or FAIL against its target. Every bench file appends its rows to one results file;
 * summary.ts prints them all as one table when the run ends.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export const RESULTS_FILE = 'dist/bench/results.jsonl';

export interface Row {
  figure: string;
  /** The lab's figure, with its unit. */
  value: number;
  unit: string;
  /** The bare server's figure for the same bytes, if the target is a ratio to it. */
  ceiling?: number;
  /** What the target asks, as printed. */
  target: string;
  pass: boolean;
}

/** A latency that may be at most `times` the ceiling's. */
export function atMostTimesCeiling(figure: string, labMs: number, ceilingMs: number, times: number): Row {
  return {
    figure,
    value: labMs,
    unit: 'ms',
    ceiling: ceilingMs,
    target: `≤ ${times}× ceiling`,
    pass: labMs <= ceilingMs * times,
  };
}

/** A throughput that must reach `share` of the ceiling's. */
export function atLeastShareOfCeiling(
  figure: string,
  labPerSecond: number,
  ceilingPerSecond: number,
  share: number,
): Row {
  return {
    figure,
    value: labPerSecond,
    unit: 'req/s',
    ceiling: ceilingPerSecond,
    target: `≥ ${Math.round(share * 100)} % of ceiling`,
    pass: labPerSecond >= ceilingPerSecond * share,
  };
}

export function atMost(figure: string, value: number, unit: string, limit: number): Row {
  return { figure, value, unit, target: `< ${limit} ${unit}`, pass: value < limit };
}

/** A figure printed for the record, with no target of its own. */
export function info(figure: string, value: number, unit: string): Row {
  return { figure, value, unit, target: '(info)', pass: true };
}

export function record(...rows: Row[]): void {
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  for (const row of rows) {
    appendFileSync(RESULTS_FILE, `${JSON.stringify(row)}\n`);
    console.log(formatRow(row));
  }
}

export function formatRow(row: Row): string {
  const value = `${row.value} ${row.unit}`;
  const ceiling = row.ceiling === undefined ? '' : `${row.ceiling} ${row.unit}`;
  const ratio = row.ceiling === undefined ? '' : `${ratioOf(row)}×`;
  const verdict = row.target === '(info)' ? '' : row.pass ? 'PASS' : 'FAIL';
  return `| ${row.figure.padEnd(62)} | ${value.padStart(13)} | ${ceiling.padStart(13)} | ${ratio.padStart(6)} | ${row.target.padEnd(20)} | ${verdict.padEnd(4)} |`;
}

export const TABLE_HEADER =
  `| ${'figure'.padEnd(62)} | ${'lab'.padStart(13)} | ${'ceiling'.padStart(13)} | ${'ratio'.padStart(6)} | ${'target'.padEnd(20)} | ${'    '} |\n` +
  `|${'-'.repeat(64)}|${'-'.repeat(15)}|${'-'.repeat(15)}|${'-'.repeat(8)}|${'-'.repeat(22)}|${'-'.repeat(6)}|`;

function ratioOf(row: Row): string {
  if (!row.ceiling) return '–';
  // Throughput: the share of the ceiling reached; latency: how many times the ceiling's time.
  return (row.value / row.ceiling).toFixed(2);
}
