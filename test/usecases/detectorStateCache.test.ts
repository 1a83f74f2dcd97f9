import { describe, expect, it } from 'vitest';
import { newGrouperState } from '../../domain/alarmGrouping';
import { StreamingAnomalyDetector } from '../../stats/streaming/anomalyDetector';
import { DetectorStateCache, type CachedDetector } from '../../usecases/detectorStateCache';

const entry = (rowVersion: string, cursorId: bigint, sensitivity = 0.5): CachedDetector => ({
  rowVersion,
  cursorId,
  detector: new StreamingAnomalyDetector(undefined, sensitivity),
  grouper: newGrouperState(),
});
const row = (row_version: string, cursor_id: bigint, sensitivity = 0.5) => ({ row_version, cursor_id, sensitivity });

describe('DetectorStateCache', () => {
  it('hands an entry out only while the row is the version, cursor and sensitivity it was saved as, and only once', () => {
    const cache = new DetectorStateCache();
    cache.put('a', entry('10', 5n));
    expect(cache.take('a', row('10', 5n))).toBeDefined();
    expect(cache.take('a', row('10', 5n))).toBeUndefined();
    for (const changed of [row('11', 5n), row('10', 6n), row('10', 5n, 0.9)]) {
      cache.put('a', entry('10', 5n));
      expect(cache.take('a', changed)).toBeUndefined();
      expect(cache.cursorOf('a')).toBeUndefined();
    }
    expect(cache.stats).toEqual({ hits: 1, misses: 3 });
  });

  it('forgets the least recently saved sensor beyond its size', () => {
    const cache = new DetectorStateCache(2);
    cache.put('a', entry('1', 1n));
    cache.put('b', entry('1', 1n));
    cache.put('a', entry('2', 2n));
    cache.put('c', entry('1', 1n));
    expect(['a', 'b', 'c'].map((s) => cache.cursorOf(s))).toEqual([2n, undefined, 1n]);
  });
});
