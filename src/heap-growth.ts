import v8 from 'node:v8';

/**
 * How much V8 lets its heap grow past what a full collection left alive before it collects again, as V8's
 * own flag says it (`--heap-growing-percent`: the next limit is (1 + p / 100) × the live size), or null to
 * leave V8's heuristic alone (0). The heuristic grows the heap up to fourfold while allocation is fast: eight
 * first-time roll-ups of 100,000 suppliers left ~300 MB alive and peaked at 1.0–1.3 GB of RSS, mostly
 * garbage (BENCHMARKS.md). A factor, unlike a heap limit, never ends the process: a large answer still gets
 * the memory it needs, and the heap is only collected sooner.
 */
export const heapGrowingFlag = (percent: number): string | null => (percent > 0 ? `--heap-growing-percent=${percent}` : null);

/** Applies HEAP_GROWING_PERCENT to this process. V8 reads the flag at every collection, so it holds from here on. */
export function applyHeapGrowth(percent: number): void {
  const flag = heapGrowingFlag(percent);
  if (flag) v8.setFlagsFromString(flag);
}
