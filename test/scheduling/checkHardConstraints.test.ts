import { describe, expect, it } from 'vitest';
import { checkHardConstraints, type ScheduleProblem, type ScheduleResult } from '../../scheduling';
import { at, job, NOW, technician } from './fixtures';

const problem: ScheduleProblem = {
  technicians: [
    technician({ id: 'tech-a', bookings: [{ start: at(4), end: at(5) }] }),
    technician({ id: 'tech-b', skills: [{ skill: 'electrical', level: 2 }] }),
  ],
  jobs: [
    job({ id: 'j1', durationMinutes: 60, readyAt: at(-24), deadline: at(30) }),
    job({ id: 'j2', durationMinutes: 60, readyAt: at(1) }),
  ],
};

type Plan = Pick<ScheduleResult, 'now' | 'assignments' | 'unassigned'>;

function plan(...slots: Array<[jobId: string, technicianId: string, startHour: number, endHour: number]>): Plan {
  return {
    now: NOW.toISOString(),
    // The checker only reads ids and times; the rest of an assignment is irrelevant to it.
    assignments: slots.map(([jobId, technicianId, s, e]) => ({ jobId, technicianId, start: at(s), end: at(e) })) as Plan['assignments'],
    unassigned: [],
  };
}

const codes = (p: Plan) => checkHardConstraints(problem, p).map((v) => `${v.jobId}:${v.code}`);

describe('checkHardConstraints', () => {
  it('accepts a plan that respects every hard rule', () => {
    expect(codes(plan(['j1', 'tech-a', 0, 1], ['j2', 'tech-a', 1, 2]))).toEqual([]);
  });

  it('flags two jobs of one technician that overlap', () => {
    expect(codes(plan(['j1', 'tech-a', 1, 2], ['j2', 'tech-a', 1.5, 2.5]))).toEqual(['j2:overlaps_other_job']);
  });

  it('flags a job on a technician without the skill level', () => {
    expect(codes(plan(['j1', 'tech-b', 0, 1], ['j2', 'tech-a', 1, 2]))).toEqual(['j1:skill_level']);
  });

  it('flags a job outside a shift, across a booking, before ready time, before now and after the deadline', () => {
    expect(codes(plan(['j1', 'tech-a', 7.5, 8.5], ['j2', 'tech-a', 4.5, 5.5]))).toEqual(['j1:outside_shift', 'j2:overlaps_booking']);
    expect(codes(plan(['j1', 'tech-a', 0, 1], ['j2', 'tech-a', 0.5, 1.5]))).toEqual(['j2:before_ready_time', 'j2:overlaps_other_job']);
    expect(codes(plan(['j1', 'tech-a', -1, 0], ['j2', 'tech-a', 1, 2]))).toEqual(['j1:outside_shift', 'j1:before_now']);
    // Wednesday 08:00–09:00 is inside a shift but after j1's deadline (Tuesday 14:00).
    expect(codes(plan(['j1', 'tech-a', 48, 49], ['j2', 'tech-a', 1, 2]))).toEqual(['j1:after_deadline']);
  });

  it('flags a wrong duration, a missing job and a job listed twice', () => {
    expect(codes(plan(['j1', 'tech-a', 0, 2]))).toEqual(['j2:job_missing', 'j1:wrong_duration']);
    expect(codes(plan(['j1', 'tech-a', 0, 1], ['j1', 'tech-a', 2, 3]))).toEqual(['j1:job_planned_twice', 'j2:job_missing']);
  });

  it('accepts a night shift that crosses midnight in the site time zone', () => {
    const night: ScheduleProblem = {
      technicians: [technician({ id: 'n', utcOffsetMinutes: -180, shifts: [{ weekday: 1, start: '22:00', end: '06:00' }] })],
      jobs: [job({ id: 'j', durationMinutes: 120 })],
    };
    // Monday 22:00 local (UTC−3) is Tuesday 01:00 UTC; 02:00–04:00 local Tuesday is 05:00–07:00 UTC.
    const inside = {
      now: NOW.toISOString(),
      unassigned: [],
      assignments: [{ jobId: 'j', technicianId: 'n', start: '2025-03-04T05:00:00.000Z', end: '2025-03-04T07:00:00.000Z' }],
    } as unknown as Plan;
    const pastEnd = {
      ...inside,
      assignments: [{ ...inside.assignments[0]!, start: '2025-03-04T08:00:00.000Z', end: '2025-03-04T10:00:00.000Z' }],
    };
    expect(checkHardConstraints(night, inside)).toEqual([]);
    expect(checkHardConstraints(night, pastEnd).map((v) => v.code)).toEqual(['outside_shift']);
  });
});
