/** Small timing helpers for benchmarks: run a body many times and report median and p95 in ms. */
export interface Figures {
  runs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  perSecond: number;
}

export function measure(runs: number, body: (index: number) => void): Figures {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    body(i);
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

export async function measureAsync(runs: number, body: (index: number) => Promise<void>): Promise<Figures> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await body(i);
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

export function summarize(samples: number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const total = samples.reduce((a, b) => a + b, 0);
  return {
    runs: samples.length,
    medianMs: round(at(0.5)),
    p95Ms: round(at(0.95)),
    maxMs: round(sorted[sorted.length - 1]!),
    perSecond: Math.round((samples.length / total) * 1000),
  };
}

export function report(label: string, figures: Figures | Record<string, unknown>): void {
  console.log(`[bench] ${label}: ${JSON.stringify(figures)}`);
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;
