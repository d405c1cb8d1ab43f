export interface Figure {
  name: string;
  unit: string;
  runs: number;
  median: number;
  p95: number;
}

/** Runs `fn` `runs` times after one warm-up and reports the median and 95th percentile. */
export async function measure(name: string, unit: 'ms', runs: number, fn: () => unknown): Promise<Figure> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN;
  return { name, unit, runs, median: round(at(0.5)), p95: round(at(0.95)) };
}

const round = (n: number) => Math.round(n * 100) / 100;
