/**
 * Shadow evaluation: a candidate model version re-scores the stored inputs of a past period, and
 * its answers are compared with what production said and with what people decided. Pure tallies,
 * merged page by page by the workflow, so a long period is resumable and its state stays small.
 */
import type { ReportBody } from './report';
import { MAX_DECISIONS_LISTED, mergeRulTallies, outcomeCost, rulAccuracy, type RulTally } from './rulShadow';

/** What a human decision says about a flagged case: approved = a real failure, rejected = a false alarm. */
export type HumanVerdict = 'approved' | 'rejected' | null;

export interface ShadowCase {
  id: string;
  at: string;
  production: 0 | 1;
  production_probability: number;
  candidate: 0 | 1;
  candidate_probability: number;
  human: HumanVerdict;
}

/** ISO instant and id of the last record scored: the next page starts after it. */
export interface ShadowCursor {
  at: string;
  id: string;
}

export interface ShadowCosts {
  /** What one missed failure is counted at. */
  missed_failure: number;
  /** What one unnecessary order is counted at. */
  extra_order: number;
}

interface SideTally {
  /** Approved orders the side would not have raised. */
  missed_failures: number;
  /** Rejected orders the side would have raised. */
  extra_orders: number;
  /** Orders the side would raise where production raised none (nobody judged them): counted as extra. */
  unconfirmed_orders: number;
  /** Human-judged cases the side got right. */
  agreed_with_humans: number;
}

export interface ShadowTally {
  records: number;
  /** Stored inputs the candidate could not score (features it does not accept). */
  unusable: number;
  agree: number;
  /** production 0 → candidate 1 */
  flipped_to_failure: number;
  /** production 1 → candidate 0 */
  flipped_to_healthy: number;
  judged: { approved: number; rejected: number };
  production: SideTally;
  candidate: SideTally;
  /** The first changed cases (bounded: the report lists them, the counts above hold them all). */
  changed: ShadowCase[];
  /** RUL regressors only: accuracy against the truth and the per-asset order decisions (domain/rulShadow.ts). */
  rul?: RulTally;
}

export const MAX_CHANGED_LISTED = 200;

const side = (): SideTally => ({ missed_failures: 0, extra_orders: 0, unconfirmed_orders: 0, agreed_with_humans: 0 });

export function emptyTally(): ShadowTally {
  return {
    records: 0,
    unusable: 0,
    agree: 0,
    flipped_to_failure: 0,
    flipped_to_healthy: 0,
    judged: { approved: 0, rejected: 0 },
    production: side(),
    candidate: side(),
    changed: [],
  };
}

function judge(t: SideTally, said: 0 | 1, c: ShadowCase, isProduction: boolean): void {
  if (c.human === 'approved') {
    if (said === 1) t.agreed_with_humans++;
    else t.missed_failures++;
  } else if (c.human === 'rejected') {
    if (said === 0) t.agreed_with_humans++;
    else t.extra_orders++;
  } else if (!isProduction && said === 1 && c.production === 0) {
    t.unconfirmed_orders++;
  }
}

/** Adds one scored case to a tally (mutates and returns it). */
export function addCase(t: ShadowTally, c: ShadowCase): ShadowTally {
  t.records++;
  if (c.candidate === c.production) t.agree++;
  else {
    if (c.candidate === 1) t.flipped_to_failure++;
    else t.flipped_to_healthy++;
    if (t.changed.length < MAX_CHANGED_LISTED) t.changed.push(c);
  }
  if (c.human) t.judged[c.human]++;
  judge(t.production, c.production, c, true);
  judge(t.candidate, c.candidate, c, false);
  return t;
}

const addSide = (a: SideTally, b: SideTally): SideTally => ({
  missed_failures: a.missed_failures + b.missed_failures,
  extra_orders: a.extra_orders + b.extra_orders,
  unconfirmed_orders: a.unconfirmed_orders + b.unconfirmed_orders,
  agreed_with_humans: a.agreed_with_humans + b.agreed_with_humans,
});

/** Two tallies of disjoint pages as one. */
export function mergeTallies(a: ShadowTally, b: ShadowTally): ShadowTally {
  return {
    records: a.records + b.records,
    unusable: a.unusable + b.unusable,
    agree: a.agree + b.agree,
    flipped_to_failure: a.flipped_to_failure + b.flipped_to_failure,
    flipped_to_healthy: a.flipped_to_healthy + b.flipped_to_healthy,
    judged: { approved: a.judged.approved + b.judged.approved, rejected: a.judged.rejected + b.judged.rejected },
    production: addSide(a.production, b.production),
    candidate: addSide(a.candidate, b.candidate),
    changed: [...a.changed, ...b.changed].slice(0, MAX_CHANGED_LISTED),
    // Absent on classifier and detector tallies: their merged tally keeps the shape replayed histories hold.
    ...(a.rul || b.rul ? { rul: mergeRulTallies(a.rul, b.rul) } : {}),
  };
}

export function sideCost(t: SideTally, costs: ShadowCosts): number {
  return t.missed_failures * costs.missed_failure + (t.extra_orders + t.unconfirmed_orders) * costs.extra_order;
}

export interface ShadowVerdict {
  agreement: number | null;
  production_cost: number;
  candidate_cost: number;
  /** candidate when it costs less; production when it costs more; tie when equal. */
  winner: 'candidate' | 'production' | 'tie';
}

export function verdict(t: ShadowTally, costs: ShadowCosts): ShadowVerdict {
  const production_cost = sideCost(t.production, costs);
  const candidate_cost = sideCost(t.candidate, costs);
  return {
    agreement: t.records ? t.agree / t.records : null,
    production_cost,
    candidate_cost,
    winner: candidate_cost < production_cost ? 'candidate' : candidate_cost > production_cost ? 'production' : 'tie',
  };
}

export interface ShadowReportInput {
  candidate: { name: string; version: string };
  production: { versions: string[] };
  period: { from: string; to: string };
  costs: ShadowCosts;
  tally: ShadowTally;
}

/** The report body (rendered to JSON, CSV and PDF like every other report). */
export function shadowReportBody(r: ShadowReportInput): ReportBody {
  const v = verdict(r.tally, r.costs);
  const t = r.tally;
  const pct = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 100);
  return {
    title: `Shadow evaluation of ${r.candidate.name} ${r.candidate.version}`,
    period: r.period,
    summary: {
      model: r.candidate.name,
      candidate_version: r.candidate.version,
      production_versions: r.production.versions.join(', ') || null,
      records_rescored: t.records,
      unusable_records: t.unusable,
      agreement_percent: pct(v.agreement),
      changed_cases: t.flipped_to_failure + t.flipped_to_healthy,
      flipped_to_failure: t.flipped_to_failure,
      flipped_to_healthy: t.flipped_to_healthy,
      human_approved: t.judged.approved,
      human_rejected: t.judged.rejected,
      cost_per_missed_failure: r.costs.missed_failure,
      cost_per_extra_order: r.costs.extra_order,
      production_cost: v.production_cost,
      candidate_cost: v.candidate_cost,
      winner: v.winner,
      ...(t.rul ? rulSummary(t.rul) : {}),
    },
    charts: [],
    tables: [
      {
        title: 'Against human decisions and estimated cost',
        columns: ['side', 'agreed_with_humans', 'missed_failures', 'extra_orders', 'unconfirmed_orders', 'estimated_cost'],
        rows: (['production', 'candidate'] as const).map((s) => [
          s,
          t[s].agreed_with_humans,
          t[s].missed_failures,
          t[s].extra_orders,
          t[s].unconfirmed_orders,
          sideCost(t[s], r.costs),
        ]),
      },
      // An RUL regressor's changes are order decisions per asset, not flipped records.
      ...(t.rul ? rulTables(t.rul, r.costs) : [changedCasesTable(t)]),
    ],
  };
}

function changedCasesTable(t: ShadowTally): ReportBody['tables'][number] {
  return {
    title: `Changed cases (first ${MAX_CHANGED_LISTED})`,
    columns: ['prediction_id', 'at', 'production', 'production_probability', 'candidate', 'candidate_probability', 'human'],
    rows: t.changed.map((c) => [
      c.id,
      c.at,
      c.production,
      Math.round(c.production_probability * 1000) / 1000,
      c.candidate,
      Math.round(c.candidate_probability * 1000) / 1000,
      c.human,
    ]),
  };
}

const round = (x: number | null, digits = 2) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/** The RUL figures the summary carries (cycles; coverage in percent of the evaluations with a truth). */
function rulSummary(rul: RulTally): Record<string, number | null> {
  const p = rulAccuracy(rul, 'production');
  const c = rulAccuracy(rul, 'candidate');
  return {
    evaluations_with_truth: rul.with_truth,
    production_mae: round(p.mae),
    candidate_mae: round(c.mae),
    production_rmse: round(p.rmse),
    candidate_rmse: round(c.rmse),
    production_nasa_score: round(p.nasa_score),
    candidate_nasa_score: round(c.nasa_score),
    production_interval_coverage_percent: round(p.coverage === null ? null : p.coverage * 100),
    candidate_interval_coverage_percent: round(c.coverage === null ? null : c.coverage * 100),
    orders_started_earlier: rul.decisions.earlier,
    orders_started_later: rul.decisions.later,
    orders_only_production: rul.decisions.only_production,
    orders_only_candidate: rul.decisions.only_candidate,
  };
}

function rulTables(rul: RulTally, costs: ShadowCosts): ReportBody['tables'] {
  return [
    {
      title: 'RUL accuracy against the known end of life (cycles; PHM08 score summed)',
      columns: ['side', 'evaluations', 'mae', 'rmse', 'nasa_score', 'interval_coverage'],
      rows: (['production', 'candidate'] as const).map((s) => {
        const a = rulAccuracy(rul, s);
        return [s, rul.with_truth, round(a.mae), round(a.rmse), round(a.nasa_score), round(a.coverage, 4)];
      }),
    },
    {
      title: `Order decisions the candidate changes (first ${MAX_DECISIONS_LISTED} assets)`,
      columns: [
        'asset_id',
        'change',
        'production_first_order_at',
        'candidate_first_order_at',
        'production_lead_cycles',
        'candidate_lead_cycles',
        'production_cost',
        'candidate_cost',
      ],
      rows: rul.changes.map((c) => [
        c.asset_id,
        c.change,
        c.production_first_order_at,
        c.candidate_first_order_at,
        c.production_lead_cycles,
        c.candidate_lead_cycles,
        outcomeCost(c.production_outcome, costs),
        outcomeCost(c.candidate_outcome, costs),
      ]),
    },
  ];
}
