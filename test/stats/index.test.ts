import { describe, expect, it } from 'vitest';
import * as stats from '../../stats';

describe('stats public API', () => {
  it('exports every entry point the drift, anomaly and explanation features call', () => {
    const callables = [
      'ksTwoSample',
      'psi',
      'interpretPsi',
      'median',
      'mad',
      'robustZScore',
      'robustScale',
      'exactShap',
      'EwmaBaseline',
      'RollingRobustBaseline',
    ];
    for (const name of callables) expect(typeof (stats as Record<string, unknown>)[name], name).toBe('function');
    expect(stats.KS_EXACT_MAX_SAMPLE_SIZE).toBe(10_000);
    expect(stats.PSI_DEFAULT_BINS).toBe(10);
  });
});
