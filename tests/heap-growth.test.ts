import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { heapGrowingFlag } from '../src/heap-growth';

test('HEAP_GROWING_PERCENT names V8 flag, and 0 leaves V8 alone', () => {
  expect(heapGrowingFlag(100)).toBe('--heap-growing-percent=100');
  expect(heapGrowingFlag(0)).toBeNull();
});

/**
 * The largest heap of a process that keeps ~40 MB alive and makes a lot of short-lived garbage, after
 * `applyHeapGrowth(percent)`: V8 reads the flag at each collection, so setting it after start-up (as main
 * does) must still take effect.
 */
function peakHeapMb(percent: number): number {
  const script = `
    require('./src/heap-growth').applyHeapGrowth(${percent});
    const v8 = require('node:v8');
    const live = Array.from({ length: 400000 }, (_, i) => ({ i, s: 'x' + i }));
    let peak = 0, garbage = [];
    for (let round = 0; round < 60; round += 1) {
      garbage = Array.from({ length: 200000 }, (_, i) => ({ i, a: [i, i + 1], s: 'y' + i }));
      peak = Math.max(peak, v8.getHeapStatistics().total_heap_size);
    }
    // Both arrays read at the end, so neither is collected early.
    process.stdout.write(peak / 1048576 + ' ' + (live.length + garbage.length));`;
  const out = execFileSync(process.execPath, ['-r', 'ts-node/register', '-e', script], {
    cwd: path.join(__dirname, '..'),
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
  });
  return Number(out.toString().split(' ')[0]);
}

test('applied after start-up, a small growing percent keeps the heap near what is alive', () => {
  // Measured: ~370 MB under V8's heuristic, ~145 MB at 10%.
  expect(peakHeapMb(10)).toBeLessThan(0.6 * peakHeapMb(0));
}, 60_000);
