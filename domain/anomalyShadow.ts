/**
 * Shadow evaluation of an anomaly detector: the alarms a candidate would have raised on a sensor's
 * past readings, set against the alarms production raised there and against how people resolved
 * them. Each case is one stretch (a production alarm, or a candidate alarm production did not
 * have), so the classifier's tally and verdict (domain/shadowEvaluation.ts) read it unchanged:
 * converted to maintenance counts as an approved order, resolved as false as a rejected one.
 */
import type { HumanVerdict, ShadowCase } from './shadowEvaluation';

export interface ScoredPoint {
  ts: number;
  score: number | null;
  isAnomaly: boolean;
}

export interface CandidateSpan {
  start: number;
  end: number;
  peak: number;
}

/** A production alarm as the comparison needs it. */
export interface ProductionAlarm {
  id: string;
  start: number;
  end: number;
  peak_score: number;
  human: HumanVerdict;
}

/** Anomalous points closer than `gapMs` belong to one would-be alarm, as the grouper joins a stretch. */
export function candidateSpans(points: readonly ScoredPoint[], gapMs: number): CandidateSpan[] {
  const spans: CandidateSpan[] = [];
  for (const p of points) {
    if (!p.isAnomaly) continue;
    const last = spans[spans.length - 1];
    if (last && p.ts - last.end <= gapMs) {
      last.end = p.ts;
      last.peak = Math.max(last.peak, p.score ?? 0);
    } else spans.push({ start: p.ts, end: p.ts, peak: p.score ?? 0 });
  }
  return spans;
}

/** Words an operator uses when an alarm was nothing (English and Portuguese). */
const FALSE_ALARM = /\b(false|spurious|nuisance|noise|no fault|not a fault|falso|falsa|ru[ií]do|sem falha|alarme falso)\b/i;

/**
 * What a person said about an alarm: converted into maintenance = real; resolved by a person with
 * a cause that calls it false = false; anything else (auto-resolved, historical, another cause)
 * is not a judgement.
 */
export function humanVerdictOfAlarm(a: {
  maintenance_workflow_id: string | null;
  resolved_by: string | null;
  resolution_cause: string | null;
  historical: boolean;
}): HumanVerdict {
  if (a.maintenance_workflow_id) return 'approved';
  if (!a.historical && a.resolved_by && a.resolution_cause && FALSE_ALARM.test(a.resolution_cause)) return 'rejected';
  return null;
}

/**
 * One case per production alarm (did the candidate raise anything overlapping it, within `slackMs`?)
 * and one per candidate alarm that overlaps no production alarm. Scores are the peaks (0 when absent).
 */
export function compareAlarms(
  sensorId: string,
  production: readonly ProductionAlarm[],
  candidate: readonly CandidateSpan[],
  slackMs: number,
): ShadowCase[] {
  const overlaps = (a: { start: number; end: number }, s: CandidateSpan) => s.start <= a.end + slackMs && s.end >= a.start - slackMs;
  const matched = new Set<CandidateSpan>();
  const cases: ShadowCase[] = production.map((a) => {
    const hits = candidate.filter((s) => overlaps(a, s));
    hits.forEach((s) => matched.add(s));
    return {
      id: a.id,
      at: new Date(a.start).toISOString(),
      production: 1,
      production_probability: a.peak_score,
      candidate: hits.length ? 1 : 0,
      candidate_probability: hits.reduce((m, s) => Math.max(m, s.peak), 0),
      human: a.human,
    };
  });
  for (const s of candidate) {
    if (matched.has(s)) continue;
    cases.push({
      id: `${sensorId}@${new Date(s.start).toISOString()}`,
      at: new Date(s.start).toISOString(),
      production: 0,
      production_probability: 0,
      candidate: 1,
      candidate_probability: s.peak,
      human: null,
    });
  }
  return cases.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
