import { describe, expect, it } from 'vitest';
import { addAssetRul, mergeRulTallies, nasaScore, replayOrders, rulAccuracy, type RulEvaluation } from '../../domain/rulShadow';
import { emptyTally, mergeTallies, verdict } from '../../domain/shadowEvaluation';

const H = 30;
const COSTS = { missed_failure: 20_000, extra_order: 1_500 };
const ans = (rul: number, width = 6) => ({ rul, lower: rul - width, upper: rul + width });
/** Evaluations of one engine: production and candidate answers per true RUL (null truth: unknown). */
const evals = (rows: [truth: number | null, production: number, candidate: number][]): RulEvaluation[] =>
  rows.map(([truth, p, c], i) => ({
    id: String(i),
    at: `2026-01-01T${String(i).padStart(2, '0')}:00:00.000Z`,
    production: ans(p),
    candidate: ans(c),
    truth,
  }));

describe('RUL shadow evaluation', () => {
  it('scores late predictions harder than early ones (PHM08)', () => {
    expect(nasaScore(20, 20)).toBe(0);
    expect(nasaScore(30, 20)).toBeCloseTo(Math.E - 1, 12);
    expect(nasaScore(7, 20)).toBeCloseTo(Math.E - 1, 12);
    expect(nasaScore(30, 20)).toBeGreaterThan(nasaScore(10, 20));
  });

  it('opens one order per episode and only closes it once the asset is clearly back', () => {
    // lower bounds: 50, 20 (open), 10, 40 (still open: not past 45), 52 (closed), 20 (a second order)
    const orders = replayOrders(
      [56, 26, 16, 46, 58, 26].map((r) => ans(r)),
      H,
    );
    expect(orders.starts).toEqual([1, 5]);
    expect(orders.open).toEqual([false, true, true, true, false, true]);
  });

  it('counts a candidate that orders later than the failure as a missed failure, with MAE, RMSE, coverage and the change', () => {
    const t = addAssetRul(
      emptyTally(),
      'engine-1',
      H,
      evals([
        [60, 60, 90],
        [35, 34, 70],
        [10, 12, 50],
        [2, 3, 40],
      ]),
    );
    expect(t.production).toEqual({ missed_failures: 0, extra_orders: 0, unconfirmed_orders: 0, agreed_with_humans: 1 });
    expect(t.candidate).toEqual({ missed_failures: 1, extra_orders: 0, unconfirmed_orders: 0, agreed_with_humans: 0 });
    expect(rulAccuracy(t.rul!, 'production')).toEqual({ mae: 1, rmse: Math.sqrt(6 / 4), nasa_score: expect.any(Number), coverage: 1 });
    expect(rulAccuracy(t.rul!, 'candidate')).toMatchObject({ mae: (30 + 35 + 40 + 38) / 4, coverage: 0 });
    expect(t.rul!.changes).toEqual([
      expect.objectContaining({ asset_id: 'engine-1', change: 'only_production', production_lead_cycles: 35 }),
    ]);
    expect(verdict(t, COSTS)).toMatchObject({ production_cost: 0, candidate_cost: 20_000, winner: 'production' });
    expect(t.judged).toEqual({ approved: 1, rejected: 0 });
  });

  it('calls an order started while the truth was beyond 1.5 horizons an extra order, and an earlier start a change', () => {
    const t = addAssetRul(
      emptyTally(),
      'engine-2',
      H,
      evals([
        [80, 90, 20],
        [40, 34, 20],
        [20, 22, 15],
      ]),
    );
    expect(t.candidate).toMatchObject({ extra_orders: 1, missed_failures: 0, agreed_with_humans: 1 });
    expect(t.rul!.decisions.earlier).toBe(1);
    expect(verdict(t, COSTS)).toMatchObject({ candidate_cost: 1_500, winner: 'production' });
  });

  it('without a truth, judges nothing of production and counts the candidate’s orders production never started as unconfirmed', () => {
    const t = addAssetRul(
      emptyTally(),
      'real-asset',
      H,
      evals([
        [null, 80, 20],
        [null, 70, 15],
      ]),
    );
    expect(t.rul!.with_truth).toBe(0);
    expect(rulAccuracy(t.rul!, 'candidate').mae).toBeNull();
    expect(t.candidate).toMatchObject({ unconfirmed_orders: 1 });
    expect(t.production).toMatchObject({ agreed_with_humans: 0, missed_failures: 0 });
  });

  it('merges pages: sums add up and a classifier tally stays without an RUL part', () => {
    const a = addAssetRul(emptyTally(), 'a', H, evals([[10, 12, 12]]));
    const b = addAssetRul(emptyTally(), 'b', H, evals([[20, 25, 25]]));
    const m = mergeTallies(a, b);
    expect(m.records).toBe(2);
    expect(m.rul).toEqual(mergeRulTallies(a.rul, b.rul));
    expect(rulAccuracy(m.rul!, 'production').mae).toBe(3.5);
    expect('rul' in mergeTallies(emptyTally(), emptyTally())).toBe(false);
  });
});
