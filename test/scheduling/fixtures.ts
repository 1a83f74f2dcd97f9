import type { Job, Technician } from '../../scheduling';

/** Monday 2025-03-03 08:00 UTC. Test technicians work in UTC so times read directly. */
export const NOW = new Date('2025-03-03T08:00:00.000Z');
export const HOUR = 3_600_000;

export function at(hoursFromNow: number): string {
  return new Date(NOW.getTime() + hoursFromNow * HOUR).toISOString();
}

/** Monday to Friday 08:00–16:00 UTC. */
export const WEEKDAY_DAY_SHIFT = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '16:00' }));

export function technician(overrides: Partial<Technician> & { id: string }): Technician {
  return {
    name: overrides.id,
    site: 'plant-a',
    skills: [{ skill: 'vibration', level: 3 }],
    utcOffsetMinutes: 0,
    shifts: WEEKDAY_DAY_SHIFT,
    extraAvailability: [],
    bookings: [],
    ...overrides,
  };
}

export function job(overrides: Partial<Job> & { id: string }): Job {
  return {
    equipmentId: `EQ-${overrides.id}`,
    requiredSkill: 'vibration',
    minLevel: 1,
    durationMinutes: 120,
    readyAt: at(0),
    deadline: at(72),
    priority: 3,
    failureProbability: 0.3,
    ...overrides,
  };
}
