import { describe, expect, it } from 'vitest';
import { generateInstance, scheduleProblemSchema } from '../../scheduling';

describe('generateInstance', () => {
  it('produces the same valid instance for the same seed and a different one for another seed', () => {
    const size = { technicians: 8, jobs: 30, horizonDays: 7 };
    const first = generateInstance(9, size);
    expect(generateInstance(9, size)).toEqual(first);
    expect(generateInstance(10, size).problem).not.toEqual(first.problem);
    expect(scheduleProblemSchema.safeParse(first.problem).success).toBe(true);
    expect(first.problem.technicians).toHaveLength(8);
    expect(first.problem.jobs).toHaveLength(30);
  });

  it('includes some overdue jobs among many, as real prediction backlogs do', () => {
    const { problem, now } = generateInstance(3, { technicians: 10, jobs: 200, horizonDays: 7 });
    const overdue = problem.jobs.filter((j) => Date.parse(j.deadline) <= now.getTime()).length;
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(30);
  });
});
