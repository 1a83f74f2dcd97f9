import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../../domain/errors';
import { cmapssEngine } from '../../usecases/assetRun';

describe('cmapssEngine', () => {
  it('returns an FD001 engine by its unit number', () => {
    expect(cmapssEngine(1).length).toBeGreaterThan(100);
  });

  it('refuses an engine FD001 lacks with a field error the dashboard translates', () => {
    let thrown: unknown;
    try {
      cmapssEngine(0);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(InvalidInput);
    expect((thrown as InvalidInput).fieldErrors).toEqual([
      { field: 'unit', message: 'no engine 0 in FD001 (1-100)', code: 'no_engine', params: { unit: 0, count: 100 } },
    ]);
  });
});
