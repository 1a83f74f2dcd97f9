import { describe, expect, it } from 'vitest';
import { deadlineWasPast, effectiveDeadline } from '../../scheduling';
import { at, NOW } from './fixtures';

describe('effectiveDeadline', () => {
  it('keeps a deadline that is still in the future', () => {
    expect(effectiveDeadline({ deadline: at(30) }, NOW).toISOString()).toBe(at(30));
    expect(deadlineWasPast({ deadline: at(30) }, NOW)).toBe(false);
  });

  it('replaces a past deadline with now plus seven days', () => {
    expect(effectiveDeadline({ deadline: at(-5) }, NOW).toISOString()).toBe('2025-03-10T08:00:00.000Z');
    expect(deadlineWasPast({ deadline: at(-5) }, NOW)).toBe(true);
  });

  it('treats a deadline equal to now as past, since no work can finish by it', () => {
    expect(effectiveDeadline({ deadline: at(0) }, NOW).toISOString()).toBe(at(7 * 24));
  });
});
