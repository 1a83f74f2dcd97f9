import type { Technician, WeeklyShift } from './model';

const WEEKDAYS = [1, 2, 3, 4, 5];

function weekly(days: readonly number[], start: string, end: string): WeeklyShift[] {
  return days.map((weekday) => ({ weekday, start, end }));
}

/** Day, evening and night shifts in site local time; night shifts start Sunday to Thursday so they end on weekdays. */
export const SHIFT_PATTERNS = {
  day: weekly(WEEKDAYS, '06:00', '14:00'),
  evening: weekly(WEEKDAYS, '14:00', '22:00'),
  night: weekly([0, 1, 2, 3, 4], '22:00', '06:00'),
  weekend: weekly([5, 6, 0], '07:00', '19:00'),
} as const satisfies Record<string, WeeklyShift[]>;

/** Both plants run on Brasília time (UTC−3, no daylight saving since 2019). */
const SITE_UTC_OFFSET_MINUTES = -180;
/** The same clock as an IANA zone, for the plants' site records. */
export const DEFAULT_SITE_TIME_ZONE = 'America/Sao_Paulo';

/**
 * The roster the product seeds into `technicians` and the tests plan against: eight people over two
 * plants, every skill covered by at least two of them at different levels, and day, evening, night
 * and weekend cover, so a demo order can always be planned and the plan visibly depends on skill,
 * shift, site and load. A fresh copy on every call, so callers may edit it.
 */
export function defaultTechnicians(): Technician[] {
  const technician = (
    id: string,
    name: string,
    site: string,
    skills: Array<[string, number]>,
    shifts: readonly WeeklyShift[],
  ): Technician => ({
    id,
    name,
    site,
    skills: skills.map(([skill, level]) => ({ skill, level })),
    utcOffsetMinutes: SITE_UTC_OFFSET_MINUTES,
    shifts: shifts.map((s) => ({ ...s })),
    extraAvailability: [],
    bookings: [],
  });
  return [
    technician(
      'tech-ana',
      'Ana Souza',
      'plant-north',
      [
        ['vibration', 5],
        ['mechanical', 4],
        ['thermal', 2],
      ],
      SHIFT_PATTERNS.day,
    ),
    technician(
      'tech-bruno',
      'Bruno Lima',
      'plant-north',
      [
        ['electrical', 4],
        ['thermal', 3],
      ],
      SHIFT_PATTERNS.day,
    ),
    technician(
      'tech-carla',
      'Carla Mendes',
      'plant-north',
      [
        ['hydraulic', 4],
        ['mechanical', 3],
        ['vibration', 2],
      ],
      SHIFT_PATTERNS.evening,
    ),
    technician(
      'tech-diego',
      'Diego Rocha',
      'plant-north',
      [
        ['electrical', 2],
        ['vibration', 3],
        ['mechanical', 2],
      ],
      SHIFT_PATTERNS.night,
    ),
    technician(
      'tech-elisa',
      'Elisa Ferreira',
      'plant-south',
      [
        ['thermal', 5],
        ['electrical', 3],
      ],
      SHIFT_PATTERNS.day,
    ),
    technician(
      'tech-fabio',
      'Fábio Alves',
      'plant-south',
      [
        ['hydraulic', 3],
        ['vibration', 4],
        ['mechanical', 4],
      ],
      SHIFT_PATTERNS.evening,
    ),
    technician(
      'tech-gabriela',
      'Gabriela Costa',
      'plant-south',
      [
        ['electrical', 5],
        ['hydraulic', 2],
        ['thermal', 1],
      ],
      SHIFT_PATTERNS.night,
    ),
    technician(
      'tech-henrique',
      'Henrique Dias',
      'plant-south',
      [
        ['mechanical', 5],
        ['hydraulic', 5],
        ['vibration', 1],
      ],
      SHIFT_PATTERNS.weekend,
    ),
  ];
}
