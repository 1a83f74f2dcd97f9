/**
 * Shadow evaluation of a remaining-useful-life regressor: per asset, production's recorded RUL
 * evaluations of a period set beside the candidate's answers on the same causal windows, and both
 * against the truth where it is known (a simulated engine's end of life). Accuracy is summed per
 * evaluation (MAE, RMSE, the PHM08/NASA score, interval coverage); decisions are replayed per asset
 * through the same episode rule the asset evaluator applies, so "an order" means what it means in
 * production: one per episode, opened when the interval's lower bound falls under the planning
 * horizon, closed only when it is clearly back. The result lands in the classifier's tally
 * (domain/shadowEvaluation.ts), so the workflow, the verdict and the cost figures are shared.
 */
import { episodeAction, RUL_CLEAR_FACTOR, rulTrigger } from './assetHealth';
import type { ShadowTally } from './shadowEvaluation';

export interface RulAnswer {
  rul: number;
  lower: number;
  upper: number;
}

/** One recorded production evaluation of an asset, with the candidate's answer on its window. */
export interface RulEvaluation {
  id: string;
  /** When production evaluated (ISO). */
  at: string;
  production: RulAnswer;
  candidate: RulAnswer;
  /** True RUL in cycles at the window's last cycle, capped as the model's target is; null when unknown. */
  truth: number | null;
}

interface RulSide {
  /** Sums over the evaluations with a known truth. */
  abs_error: number;
  sq_error: number;
  nasa_score: number;
  covered: number;
}

export interface SideOutcome {
  missed_failures: number;
  extra_orders: number;
  unconfirmed_orders: number;
  agreed_with_humans: number;
}

export type DecisionChange = 'earlier' | 'later' | 'only_production' | 'only_candidate';

/** An asset whose first order the candidate would have started at another evaluation (or not at all). */
export interface RulDecisionChange {
  asset_id: string;
  change: DecisionChange;
  production_first_order_at: string | null;
  candidate_first_order_at: string | null;
  /** True RUL when each side's first order started (null: no order, or no truth). */
  production_lead_cycles: number | null;
  candidate_lead_cycles: number | null;
  /** What each side's orders came to on this asset (priced with the run's cost figures in the report). */
  production_outcome: SideOutcome;
  candidate_outcome: SideOutcome;
}

export interface RulTally {
  /** Evaluations with a known truth (the accuracy sums' denominator). */
  with_truth: number;
  production: RulSide;
  candidate: RulSide;
  /** Σ |candidate − production| over every evaluation: how far the candidate moves from what production said. */
  abs_shift: number;
  decisions: { same: number; earlier: number; later: number; only_production: number; only_candidate: number; neither: number };
  changes: RulDecisionChange[];
}

export const MAX_DECISIONS_LISTED = 200;

const side = (): RulSide => ({ abs_error: 0, sq_error: 0, nasa_score: 0, covered: 0 });

export function emptyRulTally(): RulTally {
  return {
    with_truth: 0,
    production: side(),
    candidate: side(),
    abs_shift: 0,
    decisions: { same: 0, earlier: 0, later: 0, only_production: 0, only_candidate: 0, neither: 0 },
    changes: [],
  };
}

/** PHM08 (NASA) score of one prediction: late predictions (d > 0) are punished harder than early ones. */
export function nasaScore(predicted: number, truth: number): number {
  const d = predicted - truth;
  return d < 0 ? Math.exp(-d / 13) - 1 : Math.exp(d / 10) - 1;
}

function addAccuracy(s: RulSide, a: RulAnswer, truth: number): void {
  const e = a.rul - truth;
  s.abs_error += Math.abs(e);
  s.sq_error += e * e;
  s.nasa_score += nasaScore(a.rul, truth);
  if (truth >= a.lower && truth <= a.upper) s.covered++;
}

interface SideOrders {
  /** Index of each evaluation at which an order (an episode) started. */
  starts: number[];
  /** Whether the side's episode is open after each evaluation. */
  open: boolean[];
}

/** The episode rule replayed over one side's answers (both sides see the same inputs). */
export function replayOrders(answers: readonly RulAnswer[], horizon: number): SideOrders {
  const starts: number[] = [];
  const open: boolean[] = [];
  let episode: { started: boolean } | null = null;
  answers.forEach((a, i) => {
    const action = episodeAction(episode, rulTrigger(a.lower, horizon));
    if (action.kind === 'open') {
      episode = { started: true };
      starts.push(i);
    } else if (action.kind === 'close') episode = null;
    open.push(episode !== null);
  });
  return { starts, open };
}

/**
 * What one side's orders cost on an asset whose truth is known. The failure came due when the
 * truth fell to the planning horizon; it is caught when the side's episode is open at the last
 * evaluation before it (late is still caught: the lead shows how late). An order started while the
 * truth was above the horizon × RUL_CLEAR_FACTOR (the episode rule's own "clearly healthy") was
 * for nothing yet: an extra order. No failure due and no order is a right silence.
 */
function judgeWithTruth(evals: readonly RulEvaluation[], orders: SideOrders, horizon: number): SideOutcome {
  const c: SideOutcome = { missed_failures: 0, extra_orders: 0, unconfirmed_orders: 0, agreed_with_humans: 0 };
  let last = -1;
  evals.forEach((e, i) => {
    if (e.truth !== null && (last < 0 || e.truth <= evals[last]!.truth!)) last = i;
  });
  const due = last >= 0 && evals[last]!.truth! <= horizon;
  for (const i of orders.starts) {
    const t = evals[i]!.truth;
    if (t !== null && t > horizon * RUL_CLEAR_FACTOR) c.extra_orders++;
  }
  if (due) {
    if (orders.open[last]) c.agreed_with_humans++;
    else c.missed_failures++;
  } else if (orders.starts.length === 0) c.agreed_with_humans++;
  return c;
}

export const outcomeCost = (c: SideOutcome, costs: { missed_failure: number; extra_order: number }) =>
  c.missed_failures * costs.missed_failure + (c.extra_orders + c.unconfirmed_orders) * costs.extra_order;

/**
 * Adds one asset's evaluations (oldest first) to the tally: accuracy per evaluation, agreement per
 * evaluation on "would trigger", and the asset's orders per side. Without any truth, production's
 * orders stand unjudged and the candidate's orders on an asset where production started none count
 * as unconfirmed (as the classifier counts orders nobody judged).
 */
export function addAssetRul(t: ShadowTally, assetId: string, horizon: number, evals: readonly RulEvaluation[]): ShadowTally {
  const rul = (t.rul ??= emptyRulTally());
  for (const e of evals) {
    t.records++;
    const p = e.production.lower < horizon;
    const c = e.candidate.lower < horizon;
    if (p === c) t.agree++;
    else if (c) t.flipped_to_failure++;
    else t.flipped_to_healthy++;
    rul.abs_shift += Math.abs(e.candidate.rul - e.production.rul);
    if (e.truth === null) continue;
    rul.with_truth++;
    addAccuracy(rul.production, e.production, e.truth);
    addAccuracy(rul.candidate, e.candidate, e.truth);
  }
  const prod = replayOrders(
    evals.map((e) => e.production),
    horizon,
  );
  const cand = replayOrders(
    evals.map((e) => e.candidate),
    horizon,
  );
  const known = evals.some((e) => e.truth !== null);
  let pc: SideOutcome;
  let cc: SideOutcome;
  if (known) {
    pc = judgeWithTruth(evals, prod, horizon);
    cc = judgeWithTruth(evals, cand, horizon);
    const lastTruth = Math.min(...evals.filter((e) => e.truth !== null).map((e) => e.truth!));
    if (lastTruth <= horizon) t.judged.approved++;
    else t.judged.rejected++;
  } else {
    pc = { missed_failures: 0, extra_orders: 0, unconfirmed_orders: 0, agreed_with_humans: 0 };
    cc = { ...pc, unconfirmed_orders: prod.starts.length === 0 ? cand.starts.length : 0 };
  }
  for (const [s, v] of [
    [t.production, pc],
    [t.candidate, cc],
  ] as const) {
    s.missed_failures += v.missed_failures;
    s.extra_orders += v.extra_orders;
    s.unconfirmed_orders += v.unconfirmed_orders;
    s.agreed_with_humans += v.agreed_with_humans;
  }

  const pFirst = prod.starts[0];
  const cFirst = cand.starts[0];
  const change: DecisionChange | 'same' | 'neither' =
    pFirst === undefined && cFirst === undefined
      ? 'neither'
      : pFirst === undefined
        ? 'only_candidate'
        : cFirst === undefined
          ? 'only_production'
          : cFirst < pFirst
            ? 'earlier'
            : cFirst > pFirst
              ? 'later'
              : 'same';
  rul.decisions[change]++;
  if (change !== 'same' && change !== 'neither' && rul.changes.length < MAX_DECISIONS_LISTED) {
    rul.changes.push({
      asset_id: assetId,
      change,
      production_first_order_at: pFirst === undefined ? null : evals[pFirst]!.at,
      candidate_first_order_at: cFirst === undefined ? null : evals[cFirst]!.at,
      production_lead_cycles: pFirst === undefined ? null : evals[pFirst]!.truth,
      candidate_lead_cycles: cFirst === undefined ? null : evals[cFirst]!.truth,
      production_outcome: pc,
      candidate_outcome: cc,
    });
  }
  return t;
}

const addSide = (a: RulSide, b: RulSide): RulSide => ({
  abs_error: a.abs_error + b.abs_error,
  sq_error: a.sq_error + b.sq_error,
  nasa_score: a.nasa_score + b.nasa_score,
  covered: a.covered + b.covered,
});

/** Two RUL tallies of disjoint pages as one. */
export function mergeRulTallies(a: RulTally | undefined, b: RulTally | undefined): RulTally | undefined {
  if (!a || !b) return a ?? b;
  const d = a.decisions;
  const e = b.decisions;
  return {
    with_truth: a.with_truth + b.with_truth,
    production: addSide(a.production, b.production),
    candidate: addSide(a.candidate, b.candidate),
    abs_shift: a.abs_shift + b.abs_shift,
    decisions: {
      same: d.same + e.same,
      earlier: d.earlier + e.earlier,
      later: d.later + e.later,
      only_production: d.only_production + e.only_production,
      only_candidate: d.only_candidate + e.only_candidate,
      neither: d.neither + e.neither,
    },
    changes: [...a.changes, ...b.changes].slice(0, MAX_DECISIONS_LISTED),
  };
}

export interface RulAccuracy {
  mae: number | null;
  rmse: number | null;
  nasa_score: number | null;
  coverage: number | null;
}

export function rulAccuracy(t: RulTally, which: 'production' | 'candidate'): RulAccuracy {
  const s = t[which];
  const n = t.with_truth;
  return {
    mae: n ? s.abs_error / n : null,
    rmse: n ? Math.sqrt(s.sq_error / n) : null,
    nasa_score: n ? s.nasa_score : null,
    coverage: n ? s.covered / n : null,
  };
}
