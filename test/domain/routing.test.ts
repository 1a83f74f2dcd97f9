import { describe, expect, it } from 'vitest';
import {
  confidenceBand,
  estimatedDaysToFailure,
  jobDurationMinutes,
  maintenanceDeadline,
  priorityFor,
  requiredSkill,
  shouldProposeMaintenance,
} from '../../domain/routing';

describe('estimatedDaysToFailure', () => {
  it('reads p = 0.5 as a 30-day median and p = 0.75 as 15 days', () => {
    expect(estimatedDaysToFailure(0.5)).toBeCloseTo(30, 9);
    expect(estimatedDaysToFailure(0.75)).toBeCloseTo(15, 9);
  });
  it('is infinite for zero risk and zero for certain failure', () => {
    expect(estimatedDaysToFailure(0)).toBe(Infinity);
    expect(estimatedDaysToFailure(1)).toBe(0);
  });
  it('refuses probabilities outside [0, 1]', () => {
    expect(() => estimatedDaysToFailure(1.2)).toThrow(RangeError);
    expect(() => estimatedDaysToFailure(Number.NaN)).toThrow(RangeError);
  });
});

describe('priorityFor', () => {
  it('is very urgent under 15 days and urgent under 30, as in the original rules', () => {
    expect(priorityFor(14.99)).toBe('very_urgent');
    expect(priorityFor(15)).toBe('urgent');
    expect(priorityFor(29.9)).toBe('urgent');
    expect(priorityFor(30)).toBe('high');
    expect(priorityFor(90)).toBe('medium');
    expect(priorityFor(Infinity)).toBe('low');
  });
});

describe('confidenceBand', () => {
  it('uses the 0.75 and 0.90 boundaries', () => {
    expect(confidenceBand(0.74)).toBe('low');
    expect(confidenceBand(0.75)).toBe('medium');
    expect(confidenceBand(0.9)).toBe('high');
  });
});

describe('maintenance routing', () => {
  it('proposes maintenance exactly at and above the threshold', () => {
    expect(shouldProposeMaintenance(0.3, 0.3)).toBe(true);
    expect(shouldProposeMaintenance(0.2999, 0.3)).toBe(false);
  });
  it('maps sensor types to skills and raises the level with urgency', () => {
    expect(requiredSkill('vibration', 'very_urgent')).toEqual({ skill: 'vibration', level: 3 });
    expect(requiredSkill('voltage', 'low')).toEqual({ skill: 'electrical', level: 1 });
    expect(requiredSkill('unheard_of', 'urgent')).toEqual({ skill: 'mechanical', level: 2 });
  });
  it('gives urgent jobs more time and deadlines at half the time to failure', () => {
    expect(jobDurationMinutes('very_urgent')).toBeGreaterThan(jobDurationMinutes('low'));
    const now = new Date('2026-01-01T00:00:00Z');
    expect(maintenanceDeadline(now, 10).toISOString()).toBe('2026-01-06T00:00:00.000Z');
    expect(maintenanceDeadline(now, 0).toISOString()).toBe('2026-01-01T04:00:00.000Z');
  });
});
