/**
 * Bounds on how far V8 lets a busy lab's heap grow between collections, for a host started as
 * plain `node` (browser mode), where no V8 flag can be given before the heap is made. Left alone, a
 * run of a few thousand API calls grows the young generation to V8's maximum (two 64 MiB
 * semi-spaces on 64-bit) and lets the old generation reach several times what is alive, so the
 * process holds ~150 MiB of garbage it would give back after a full GC. Here the young generation
 * stops growing at `youngGenerationMiB` (V8 reads its growth factor each time it grows the space;
 * it may still shrink it when idle, and grow it again up to the bound), and the old generation's
 * next limit is `oldGrowthPercent` above what survived the last full GC.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

export interface HeapBounds {
  /** Both semi-spaces together, in MiB. */
  youngGenerationMiB: number;
  /** Old generation limit: this much above what survived the last full GC, in percent. */
  oldGrowthPercent: number;
}

/**
 * Browser mode's: the lab's wire times measured the same with them as without (bench/ec2-api). An
 * 8 MiB young generation rather than 16 took the RSS after that bench from 151.5 to 146.1 MiB, its
 * wire times unchanged within their noise.
 */
export const BROWSER_MODE_HEAP_BOUNDS: HeapBounds = { youngGenerationMiB: 8, oldGrowthPercent: 25 };

/** V8's own factor for growing the young generation (its default). */
const V8_SEMI_SPACE_GROWTH_FACTOR = 2;

function youngGenerationBytes(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
}

/** Applies `bounds` to this process's heap from now on; the returned function stops following it. */
export function boundHeapGrowth(bounds: HeapBounds): () => void {
  setFlagsFromString(`--heap-growing-percent=${bounds.oldGrowthPercent}`);
  const limit = bounds.youngGenerationMiB * 1024 * 1024;
  let growing: boolean | undefined;
  const follow = () => {
    // Growing multiplies the space by the factor: allowed only while that stays within the bound.
    const grow = youngGenerationBytes() * V8_SEMI_SPACE_GROWTH_FACTOR <= limit;
    if (grow === growing) return;
    growing = grow;
    setFlagsFromString(`--semi-space-growth-factor=${grow ? V8_SEMI_SPACE_GROWTH_FACTOR : 1}`);
  };
  follow();
  // After each collection, the one moment V8 may have resized the young generation.
  const observer = new PerformanceObserver(follow);
  observer.observe({ entryTypes: ['gc'] });
  return () => observer.disconnect();
}
