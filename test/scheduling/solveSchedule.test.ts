import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluateSchedule, generateInstance, solveSchedule, type ScheduleProblem } from '../../scheduling';
import { at, job, NOW, technician } from './fixtures';

const solve = (problem: ScheduleProblem, weights = {}) => solveSchedule(problem, { now: NOW, seed: 7, weights });

describe('solveSchedule — jobs that cannot be planned', () => {
  it('leaves a job nobody has the skill for unassigned with code no_skill', () => {
    const result = solve({
      technicians: [technician({ id: 'tech-a', skills: [{ skill: 'vibration', level: 3 }] })],
      jobs: [job({ id: 'electric', requiredSkill: 'electrical' }), job({ id: 'expert', minLevel: 5 })],
    });
    expect(result.assignments).toEqual([]);
    expect(result.unassigned.map((u) => [u.jobId, u.code])).toEqual([
      ['electric', 'no_skill'],
      ['expert', 'no_skill'],
    ]);
    expect(result.unassigned[1]!.reason).toContain('highest on the roster is level 3 (tech-a)');
  });

  it('uses code no_slot_before_deadline when no shift window fits before the deadline', () => {
    const result = solve({
      technicians: [technician({ id: 'tech-a' })],
      jobs: [
        // Ready 08:00, due 09:00, needs 2 h.
        job({ id: 'too-short', deadline: at(1) }),
        // Ready after Monday's shift, due before Tuesday's.
        job({ id: 'overnight', readyAt: at(8), deadline: at(20) }),
      ],
    });
    expect(result.unassigned.map((u) => [u.jobId, u.code])).toEqual([
      ['too-short', 'no_slot_before_deadline'],
      ['overnight', 'no_slot_before_deadline'],
    ]);
  });

  it('uses code slots_taken_by_bookings when existing bookings fill every usable shift', () => {
    const result = solve({
      technicians: [technician({ id: 'tech-a', bookings: [{ start: at(0), end: at(8), label: 'order-1' }] })],
      jobs: [job({ id: 'today', deadline: at(8) })],
    });
    expect(result.unassigned).toHaveLength(1);
    expect(result.unassigned[0]!.code).toBe('slots_taken_by_bookings');
  });

  it('gives the only slot to the higher-priority job and names it as the competitor of the other', () => {
    const result = solve({
      technicians: [technician({ id: 'tech-a' })],
      jobs: [
        job({ id: 'low', durationMinutes: 480, deadline: at(8), priority: 1 }),
        job({ id: 'high', durationMinutes: 480, deadline: at(8), priority: 5 }),
      ],
    });
    expect(result.assignments.map((a) => a.jobId)).toEqual(['high']);
    expect(result.unassigned).toEqual([
      expect.objectContaining({ jobId: 'low', code: 'capacity_taken_by_other_jobs', competingJobIds: ['high'] }),
    ]);
    expect(result.hardViolations).toBe(0);
  });
});

describe('solveSchedule — placement', () => {
  it('plans a job whose deadline has passed within the next seven days and says so', () => {
    const result = solve({ technicians: [technician({ id: 'tech-a' })], jobs: [job({ id: 'overdue', deadline: at(-10) })] });
    expect(result.assignments).toHaveLength(1);
    const [assignment] = result.assignments;
    expect(Date.parse(assignment!.end)).toBeLessThanOrEqual(NOW.getTime() + 7 * 24 * 3_600_000);
    expect(Date.parse(assignment!.start)).toBeGreaterThanOrEqual(NOW.getTime());
    expect(assignment!.explanation.deadlineWasPast).toBe(true);
    expect(assignment!.explanation.effectiveDeadline).toBe('2025-03-10T08:00:00.000Z');
    expect(assignment!.reasons.join(' ')).toContain('planned within the next 7 days');
  });

  it('never overlaps two jobs competing for one technician at the same time', () => {
    const result = solve({
      technicians: [technician({ id: 'tech-a' })],
      jobs: [
        job({ id: 'first', durationMinutes: 180, deadline: at(8), failureProbability: 0.6 }),
        job({ id: 'second', durationMinutes: 180, deadline: at(8), failureProbability: 0.6 }),
      ],
    });
    expect(result.assignments).toHaveLength(2);
    const [a, b] = [...result.assignments].sort((x, y) => x.start.localeCompare(y.start));
    expect(Date.parse(a!.end)).toBeLessThanOrEqual(Date.parse(b!.start));
    expect(a!.start >= at(0) && b!.end <= at(8)).toBe(true);
    expect(result.hardViolations).toBe(0);
  });

  it('starts a high-risk job earlier than a low-risk one and keeps low-risk work near its deadline', () => {
    const result = solve({
      technicians: [technician({ id: 'tech-a' })],
      jobs: [
        job({ id: 'risky', failureProbability: 0.9, priority: 5, deadline: at(96) }),
        job({ id: 'calm', failureProbability: 0.01, priority: 1, deadline: at(96) }),
      ],
    });
    const startOf = (id: string) => result.assignments.find((a) => a.jobId === id)!.start;
    expect(startOf('risky')).toBe(at(0));
    // The calm job waits for the last shift before its deadline (Thursday 08:00–16:00, deadline Fri 08:00).
    expect(startOf('calm')).toBe('2025-03-06T14:00:00.000Z');
  });

  it('prefers the technician who last serviced the equipment over a lighter-loaded one', () => {
    // tech-b has 2 h already booked, so load balance alone prefers tech-a.
    const technicians = [technician({ id: 'tech-a' }), technician({ id: 'tech-b', bookings: [{ start: at(48), end: at(50) }] })];
    const withoutHistory = solve({ technicians, jobs: [job({ id: 'pump' })] });
    const withHistory = solve({ technicians, jobs: [job({ id: 'pump', lastTechnicianId: 'tech-b' })] });
    expect(withoutHistory.assignments[0]!.technicianId).toBe('tech-a');
    expect(withHistory.assignments[0]!.technicianId).toBe('tech-b');
    expect(withHistory.assignments[0]!.explanation.continuity).toBe('same_technician');
    expect(withHistory.assignments[0]!.reasons).toContain('tech-b last serviced EQ-pump (continuity).');
  });

  it('spreads work over technicians when load balance is weighted, and piles it on one when it is not', () => {
    const technicians = [technician({ id: 'tech-a' }), technician({ id: 'tech-b' })];
    const jobs = ['j1', 'j2', 'j3'].map((id) => job({ id, durationMinutes: 240, lastTechnicianId: 'tech-a' }));
    const timeless = { risk: 0, earlinessPerHour: 0 };
    const unbalanced = solve({ technicians, jobs }, { ...timeless, loadBalancePerHourSquared: 0 });
    const balanced = solve({ technicians, jobs }, timeless);
    expect(unbalanced.assignments.map((a) => a.technicianId)).toEqual(['tech-a', 'tech-a', 'tech-a']);
    expect(balanced.assignments.filter((a) => a.technicianId === 'tech-b')).toHaveLength(1);
    // Loads 12/0 h cost 0.25 × 72 = 18; 8/4 h cost 0.25 × 8 = 2 plus one continuity penalty of 8.
    expect(balanced.costBreakdown.loadBalance).toBeCloseTo(2, 6);
    expect(balanced.costBreakdown.continuity).toBe(8);
  });
});

describe('solveSchedule — explanations and accounting', () => {
  const problem: ScheduleProblem = {
    technicians: [
      technician({ id: 'tech-a', name: 'Ana', skills: [{ skill: 'vibration', level: 4 }] }),
      technician({ id: 'tech-b', name: 'Bruno', site: 'plant-b', skills: [{ skill: 'vibration', level: 2 }] }),
    ],
    jobs: [job({ id: 'bearing', minLevel: 2, site: 'plant-a' })],
  };

  it('explains the choice with skill, shift, deadline and the runner-up technician', () => {
    const [assignment] = solve(problem).assignments;
    expect(assignment!.technicianId).toBe('tech-a');
    expect(assignment!.reasons[0]).toBe('Ana has vibration level 4 (the job needs at least 2).');
    expect(assignment!.explanation.skill).toEqual({ name: 'vibration', requiredLevel: 2, technicianLevel: 4 });
    expect(assignment!.explanation.shift).toEqual({ start: at(0), end: at(8) });
    expect(assignment!.explanation.siteMatch).toBe(true);
    expect(assignment!.explanation.alternatives[0]).toEqual(
      expect.objectContaining({ technicianId: 'tech-b', start: at(0), extraCost: 12 }),
    );
    expect(assignment!.reasons.at(-1)).toContain('next best: Bruno');
  });

  it('reports a total cost equal to an independent evaluation of its own plan', () => {
    const { problem: generated, now } = generateInstance(11, { technicians: 8, jobs: 40, horizonDays: 7 });
    const result = solveSchedule(generated, { now, seed: 3 });
    const evaluation = evaluateSchedule(generated, result.assignments, now);
    expect(result.totalCost).toBeCloseTo(evaluation.totalCost, 6);
    const perJob = result.assignments.reduce((s, a) => s + a.cost.risk + a.cost.earliness + a.cost.continuity + a.cost.travel, 0);
    const { risk, earliness, continuity, travel } = result.costBreakdown;
    expect(perJob).toBeCloseTo(risk + earliness + continuity + travel, 6);
  });
});

describe('solveSchedule — determinism and limits', () => {
  afterEach(() => vi.restoreAllMocks());

  it('returns the same plan for the same seed', () => {
    const { problem, now } = generateInstance(5, { technicians: 10, jobs: 50, horizonDays: 7 });
    const first = solveSchedule(problem, { now, seed: 42 });
    const second = solveSchedule(problem, { now, seed: 42 });
    expect(second).toEqual(first);
    expect(first.stats.iterations).toBeGreaterThan(0);
  });

  it('never reads the wall clock or Math.random without a time budget', () => {
    const dateNow = vi.spyOn(Date, 'now');
    const performanceNow = vi.spyOn(performance, 'now');
    const random = vi.spyOn(Math, 'random');
    const { problem, now } = generateInstance(2, { technicians: 6, jobs: 20, horizonDays: 7 });
    solveSchedule(problem, { now, seed: 1, maxIterations: 500 });
    expect(dateNow).not.toHaveBeenCalled();
    expect(performanceNow).not.toHaveBeenCalled();
    expect(random).not.toHaveBeenCalled();
  });

  it('stops at the time budget measured on the injected clock', () => {
    let fakeMs = 0;
    const clock = () => (fakeMs += 1_000);
    const { problem, now } = generateInstance(2, { technicians: 6, jobs: 20, horizonDays: 7 });
    const result = solveSchedule(problem, { now, seed: 1, maxIterations: 100_000, timeBudgetMs: 5_000, clock });
    expect(result.stats.stoppedBy).toBe('time_budget');
    expect(result.stats.iterations).toBeLessThan(1_000);
    expect(result.hardViolations).toBe(0);
  });

  it('stops at the iteration cap', () => {
    const { problem, now } = generateInstance(2, { technicians: 6, jobs: 20, horizonDays: 7 });
    const result = solveSchedule(problem, { now, seed: 1, maxIterations: 123 });
    expect(result.stats).toEqual(expect.objectContaining({ iterations: 123, stoppedBy: 'iterations' }));
  });
});
