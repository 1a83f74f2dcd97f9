import { describe, expect, it } from 'vitest';
import { exactShap } from '../../stats/shap';
import { seededNormal } from './seededRandom';

const next = seededNormal(2024);
const randomRows = (rows: number, features: number) => Array.from({ length: rows }, () => Array.from({ length: features }, () => next()));
const mapRows = (f: (r: number[]) => number) => (rows: number[][]) => rows.map(f);
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

const nonlinear = (r: number[]) => Math.sin(r[0]) * r[1] + Math.exp((r[2] * r[3]) / 5) + r[0] * r[1] * r[4] - Math.abs(r[5]);

describe('exactShap', () => {
  it('satisfies efficiency on a nonlinear function: the values sum to prediction − baseValue', async () => {
    const background = randomRows(30, 6);
    const x = [1.3, -0.7, 2.1, 0.4, -1.5, 0.9];
    const result = await exactShap(mapRows(nonlinear), x, background);
    expect(result.prediction).toBe(nonlinear(x));
    expect(result.baseValue).toBeCloseTo(sum(background.map(nonlinear)) / background.length, 12);
    const residual = sum(result.values) - (result.prediction - result.baseValue);
    expect(Math.abs(residual)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(result.prediction)));
    // A nonlinear function spreads credit: no value is trivially zero here.
    expect(result.values.every((v) => Math.abs(v) > 1e-6)).toBe(true);
  });

  it('gives equal values to two features that enter symmetrically', async () => {
    // f symmetric in features 0 and 1; x0 = x1; background closed under swapping columns 0 and 1,
    // so v(S ∪ {0}) = v(S ∪ {1}) for every S.
    const f = (r: number[]) => r[0] * r[1] + Math.tanh(r[0] + r[1]) * r[2] + r[2] ** 2;
    const half = randomRows(10, 3);
    const background = [...half, ...half.map(([a, b, c]) => [b, a, c])];
    const result = await exactShap(mapRows(f), [0.8, 0.8, -1.2], background);
    expect(result.values[0]).toBeCloseTo(result.values[1], 13);
    expect(result.values[0]).not.toBeCloseTo(0, 3);
  });

  it('gives exactly zero to a feature the function ignores', async () => {
    const f = (r: number[]) => r[0] ** 3 - 2 * r[1] * r[2]; // ignores feature 3
    const result = await exactShap(mapRows(f), [1.5, -0.5, 2, 100], randomRows(15, 4));
    expect(result.values[3]).toBe(0);
  });

  it('recovers w_i (x_i − mean of background column i) for a linear function', async () => {
    const w = [2, -3, 0.5, 4];
    const f = (r: number[]) => 7 + sum(r.map((v, i) => w[i] * v));
    const background = randomRows(25, 4);
    const x = [1, 2, -1, 0.25];
    const result = await exactShap(mapRows(f), x, background);
    w.forEach((wi, i) => {
      const columnMean = sum(background.map((row) => row[i])) / background.length;
      expect(result.values[i]).toBeCloseTo(wi * (x[i] - columnMean), 12);
    });
  });

  it('attributes per group, and groups of a linear function get the sum of their members', async () => {
    const w = [1, -2, 3, 0.5, -1];
    const f = (r: number[]) => sum(r.map((v, i) => w[i] * v));
    const background = randomRows(20, 5);
    const x = [0.5, 1, -1, 2, 3];
    const groups = [[0, 2], [1], [3, 4]];
    const result = await exactShap(mapRows(f), x, background, { featureGroups: groups });
    expect(result.values).toHaveLength(3);
    groups.forEach((group, g) => {
      const expected = sum(group.map((i) => w[i] * (x[i] - sum(background.map((row) => row[i])) / background.length)));
      expect(result.values[g]).toBeCloseTo(expected, 12);
    });
  });

  it('keeps efficiency with groups on a nonlinear function, and one group takes the whole difference', async () => {
    const background = randomRows(12, 6);
    const x = [0.1, 2, -0.3, 1.1, 0.7, -2];
    const grouped = await exactShap(mapRows(nonlinear), x, background, { featureGroups: [[0, 1, 4], [2, 3], [5]] });
    expect(sum(grouped.values)).toBeCloseTo(grouped.prediction - grouped.baseValue, 12);
    const single = await exactShap(mapRows(nonlinear), x, background, { featureGroups: [[0, 1, 2, 3, 4, 5]] });
    expect(single.values[0]).toBeCloseTo(single.prediction - single.baseValue, 13);
  });

  it('sends every coalition row in one model call by default, and splits on request', async () => {
    const calls: number[] = [];
    const f = async (rows: number[][]) => {
      calls.push(rows.length);
      return rows.map((r) => r[0] * r[1] + r[2]);
    };
    const background = randomRows(7, 3);
    // (2^3 − 1)·7 + 1 = 50 rows: seven coalitions against 7 background rows, plus x itself.
    const one = await exactShap(f, [1, 2, 3], background);
    expect(calls).toEqual([50]);
    calls.length = 0;
    const split = await exactShap(f, [1, 2, 3], background, { maxRowsPerCall: 20 });
    expect(calls).toEqual([20, 20, 10]);
    expect(split.values).toEqual(one.values);
  });

  it('accepts typed-array predictions such as an ONNX tensor', async () => {
    const f = (rows: number[][]) => Float32Array.from(rows, (r) => r[0] + 2 * r[1]);
    const result = await exactShap(f, [1, 1], [[0, 0]]);
    expect(result.values).toEqual([1, 2]);
  });

  it('rejects too many players, malformed groups, bad rows and a model that answers the wrong count', async () => {
    const f = mapRows((r) => r[0]);
    const thirteen = new Array(13).fill(0);
    await expect(exactShap(f, thirteen, [thirteen])).rejects.toThrow(/13 players exceed the exact limit of 12/);
    await expect(exactShap(f, [1, 2], [[0, 0]], { featureGroups: [[0], [0, 1]] })).rejects.toThrow(/more than one group/);
    await expect(exactShap(f, [1, 2], [[0, 0]], { featureGroups: [[0]] })).rejects.toThrow(/feature 1 is in no group/);
    await expect(exactShap(f, [1, 2], [[0]])).rejects.toThrow(/background row 0 has 1 features, expected 2/);
    await expect(exactShap(f, [1, Number.NaN], [[0, 0]])).rejects.toThrow(/x has a non-finite value/);
    await expect(exactShap(f, [1, 2], [])).rejects.toThrow(/background sample is empty/);
    await expect(exactShap(() => [1], [1, 2], [[0, 0]])).rejects.toThrow(/returned 1 predictions for 4 rows/);
  });
});
