import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BOUNDS_FILE = fileURLToPath(new URL('./heap-bounds.ts', import.meta.url));

/**
 * A child Node (its own heap, so the test runner's flags are untouched) that keeps a sliding window
 * of young objects alive across many turns, as a busy server does, and prints its young and old
 * generation sizes (MiB) at the end.
 */
const CHILD = `
import { getHeapSpaceStatistics } from 'node:v8';
import { boundHeapGrowth } from ${JSON.stringify(BOUNDS_FILE)};
if (process.argv[1] === 'bounded') boundHeapGrowth({ youngGenerationMiB: 16, oldGrowthPercent: 25 });
let window = [];
for (let turn = 0; turn < 300; turn++) {
  for (let i = 0; i < 20000; i++) {
    window.push({ turn, i, text: 'item ' + i });
    if (window.length > 150000) window = window.slice(100000);
  }
  await new Promise((resolve) => setImmediate(resolve));
}
const size = (name) => getHeapSpaceStatistics().find((space) => space.space_name === name).space_size / 1048576;
console.log(JSON.stringify({ young: size('new_space'), kept: window.length }));
`;

function youngGenerationMiB(mode: 'bounded' | 'default'): number {
  const output = execFileSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', CHILD, mode], {
    encoding: 'utf8',
  });
  return (JSON.parse(output) as { young: number }).young;
}

describe('heap bounds for browser mode', { timeout: 60_000 }, () => {
  it("stops the young generation's growth at the bound, where V8 alone would grow it past", () => {
    expect(youngGenerationMiB('default')).toBeGreaterThan(16);
    const bounded = youngGenerationMiB('bounded');
    expect(bounded).toBeGreaterThan(0);
    expect(bounded).toBeLessThanOrEqual(16);
  });
});
