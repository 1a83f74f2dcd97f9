import { describe, expect, it } from 'vitest';
import { joinLocalDateTime, normaliseTime, splitLocalDateTime } from '../../../web/src/components/localDateTime';

describe('date and time fields', () => {
  it('accepts 24-hour times with or without seconds, and nothing else', () => {
    expect(normaliseTime('9:05')).toBe('09:05:00');
    expect(normaliseTime('23:59:59')).toBe('23:59:59');
    expect(normaliseTime('24:00')).toBeNull();
    expect(normaliseTime('9:5')).toBeNull();
    expect(normaliseTime('9:05 PM')).toBeNull();
  });

  it('joins a day and a time into the local wall-clock value the pages send as an instant', () => {
    const day = new Date(2025, 2, 14);
    expect(joinLocalDateTime(day, '9:30', '00:00:00')).toBe('2025-03-14T09:30:00');
    expect(joinLocalDateTime(day, '', '23:59:59')).toBe('2025-03-14T23:59:59');
    expect(joinLocalDateTime(day, '25:00', '00:00:00')).toBeNull();
    expect(joinLocalDateTime(null, '9:30', '00:00:00')).toBe('');
    expect(new Date(joinLocalDateTime(day, '9:30', '00:00:00')!).getTime()).toBe(new Date(2025, 2, 14, 9, 30).getTime());
  });

  it('splits a value back into its day and time, and round-trips', () => {
    const { day, time } = splitLocalDateTime('2025-02-10T11:00:07');
    expect(day?.getTime()).toBe(new Date(2025, 1, 10).getTime());
    expect(time).toBe('11:00:07');
    expect(joinLocalDateTime(day, time, '00:00:00')).toBe('2025-02-10T11:00:07');
    expect(splitLocalDateTime('')).toEqual({ day: null, time: '' });
    expect(splitLocalDateTime('not a date')).toEqual({ day: null, time: '' });
  });
});
