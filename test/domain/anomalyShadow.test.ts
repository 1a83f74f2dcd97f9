import { describe, expect, it } from 'vitest';
import { candidateSpans, compareAlarms, humanVerdictOfAlarm } from '../../domain/anomalyShadow';
import { addCase, emptyTally, verdict } from '../../domain/shadowEvaluation';

const MIN = 60_000;
const pt = (minute: number, score: number, isAnomaly = score >= 0.6) => ({ ts: minute * MIN, score, isAnomaly });

describe('anomaly shadow evaluation', () => {
  it('joins anomalous readings closer than the gap into one would-be alarm with its peak', () => {
    const spans = candidateSpans([pt(0, 0.2), pt(1, 0.7), pt(3, 0.9), pt(4, 0.3), pt(30, 0.65), pt(31, null as never, false)], 5 * MIN);
    expect(spans).toEqual([
      { start: 1 * MIN, end: 3 * MIN, peak: 0.9 },
      { start: 30 * MIN, end: 30 * MIN, peak: 0.65 },
    ]);
  });

  it('reads converted alarms as real and alarms resolved as false as false; other resolutions are no judgement', () => {
    const base = { maintenance_workflow_id: null, resolved_by: 'eva', resolution_cause: 'tool changed', historical: false };
    expect(humanVerdictOfAlarm({ ...base, maintenance_workflow_id: 'maintenance-x' })).toBe('approved');
    expect(humanVerdictOfAlarm({ ...base, resolution_cause: 'False alarm: probe knocked' })).toBe('rejected');
    expect(humanVerdictOfAlarm({ ...base, resolution_cause: 'alarme falso, sensor solto' })).toBe('rejected');
    expect(humanVerdictOfAlarm(base)).toBeNull();
    expect(humanVerdictOfAlarm({ ...base, resolved_by: null, resolution_cause: 'false' })).toBeNull();
    expect(humanVerdictOfAlarm({ ...base, historical: true, resolution_cause: 'false alarm' })).toBeNull();
  });

  it('matches the candidate’s alarms with production’s and tallies them against people', () => {
    const production = [
      { id: 'real', start: 10 * MIN, end: 12 * MIN, peak_score: 0.9, human: 'approved' as const },
      { id: 'false', start: 50 * MIN, end: 51 * MIN, peak_score: 0.5, human: 'rejected' as const },
    ];
    const candidate = [
      { start: 13 * MIN, end: 14 * MIN, peak: 0.8 }, // within the slack of the real one
      { start: 90 * MIN, end: 90 * MIN, peak: 0.7 }, // production had nothing here
    ];
    const cases = compareAlarms('s1', production, candidate, 2 * MIN);
    expect(cases.map((c) => [c.id, c.production, c.candidate, c.human])).toEqual([
      ['real', 1, 1, 'approved'],
      ['false', 1, 0, 'rejected'],
      ['s1@1970-01-01T01:30:00.000Z', 0, 1, null],
    ]);
    const tally = cases.reduce(addCase, emptyTally());
    expect(tally.production).toMatchObject({ agreed_with_humans: 1, extra_orders: 1, missed_failures: 0 });
    expect(tally.candidate).toMatchObject({ agreed_with_humans: 2, extra_orders: 0, unconfirmed_orders: 1 });
    expect(verdict(tally, { missed_failure: 10, extra_order: 1 })).toMatchObject({ production_cost: 1, candidate_cost: 1, winner: 'tie' });
    // Without the slack the candidate misses the real failure and loses.
    const strict = compareAlarms('s1', production, candidate, 0).reduce(addCase, emptyTally());
    expect(strict.candidate.missed_failures).toBe(1);
    expect(verdict(strict, { missed_failure: 10, extra_order: 1 }).winner).toBe('production');
  });
});
