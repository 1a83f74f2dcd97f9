import type { Job, ScheduleProblem, Technician } from './model';
import { createPrng, type Prng } from './prng';
import { SHIFT_PATTERNS } from './roster';
import { DAY_MS, HOUR_MS, MINUTE_MS, floorToStep, toIso } from './time';

export interface InstanceSize {
  technicians: number;
  jobs: number;
  horizonDays: number;
}

export interface Instance {
  problem: ScheduleProblem;
  /** The planning instant the instance was generated around: a Monday, 08:00 at the UTC−3 site. */
  now: Date;
}

/** Fixed so that an instance depends on its seed only. */
const INSTANCE_NOW = new Date('2025-03-03T11:00:00.000Z');
const SKILLS = ['vibration', 'electrical', 'hydraulic', 'thermal', 'mechanical', 'lubrication'] as const;
/** Two sites in different time zones, so the calendar code is exercised across offsets. */
const SITES = [
  { site: 'plant-north', utcOffsetMinutes: -180 },
  { site: 'plant-east', utcOffsetMinutes: 60 },
] as const;
const PATTERNS = [SHIFT_PATTERNS.day, SHIFT_PATTERNS.day, SHIFT_PATTERNS.evening, SHIFT_PATTERNS.night, SHIFT_PATTERNS.weekend];
const QUARTER_HOUR = 15 * MINUTE_MS;

function between(rng: Prng, low: number, high: number): number {
  return low + rng.next() * (high - low);
}

/** Levels cluster in the middle, as on a real team: few trainees, few experts. */
function skillLevel(rng: Prng): number {
  return rng.pick([1, 2, 3, 3, 4, 4, 5]);
}

function generateTechnician(rng: Prng, index: number, horizonDays: number): Technician {
  const { site, utcOffsetMinutes } = SITES[index % SITES.length]!;
  // The first skill rotates through the list so every skill has someone once there are six technicians.
  const primary = SKILLS[index % SKILLS.length]!;
  const skillNames = [primary, ...rng.shuffle(SKILLS.filter((s) => s !== primary)).slice(0, 1 + rng.int(2))];
  const bookings = Array.from({ length: rng.int(5) }, (_, b) => {
    const start = floorToStep(INSTANCE_NOW.getTime() + between(rng, 0, horizonDays * DAY_MS), QUARTER_HOUR);
    return { start: toIso(start), end: toIso(start + (1 + rng.int(4)) * HOUR_MS), label: `existing-${index}-${b}` };
  });
  const extraAvailability =
    rng.next() < 0.2
      ? [
          {
            start: toIso(INSTANCE_NOW.getTime() + 5 * DAY_MS - 2 * HOUR_MS),
            end: toIso(INSTANCE_NOW.getTime() + 5 * DAY_MS + 4 * HOUR_MS),
            label: 'overtime',
          },
        ]
      : [];
  return {
    id: `tech-${String(index + 1).padStart(2, '0')}`,
    name: `Technician ${index + 1}`,
    site,
    skills: skillNames.map((skill) => ({ skill, level: skillLevel(rng) })),
    utcOffsetMinutes,
    shifts: rng.pick(PATTERNS).map((s) => ({ ...s })),
    extraAvailability,
    bookings,
  };
}

function generateJob(rng: Prng, index: number, horizonDays: number, technicians: readonly Technician[]): Job {
  const now = INSTANCE_NOW.getTime();
  const requiredSkill = rng.pick(SKILLS);
  const readyAt = floorToStep(now + between(rng, -24, 48) * HOUR_MS, QUARTER_HOUR);
  // One job in twenty comes in overdue: its predicted failure time has already passed.
  const deadline = rng.next() < 0.05 ? now - between(rng, 1, 48) * HOUR_MS : readyAt + between(rng, 12, horizonDays * 24) * HOUR_MS;
  const withSkill = technicians.filter((t) => t.skills.some((s) => s.skill === requiredSkill));
  const lastTechnician = withSkill.length > 0 && rng.next() < 0.5 ? rng.pick(withSkill).id : undefined;
  return {
    id: `job-${String(index + 1).padStart(3, '0')}`,
    equipmentId: `EQ-${String(1 + rng.int(Math.max(5, Math.floor(technicians.length * 2)))).padStart(3, '0')}`,
    requiredSkill,
    minLevel: rng.pick([1, 1, 2, 2, 2, 3, 3, 3, 4, 5]),
    durationMinutes: 30 * (1 + rng.int(8)),
    readyAt: toIso(readyAt),
    deadline: toIso(floorToStep(deadline, QUARTER_HOUR)),
    priority: 1 + rng.int(5),
    failureProbability: Math.round(between(rng, 0.02, 0.7) * 1000) / 1000,
    site: rng.pick(SITES).site,
    ...(lastTechnician === undefined ? {} : { lastTechnicianId: lastTechnician }),
  };
}

/**
 * A seeded, realistic problem: technicians with two or three skills at mid-heavy levels, day,
 * evening, night or weekend shifts at two sites in different time zones, a few existing bookings;
 * jobs of 30 min to 4 h with ready times around now, deadlines up to the horizon (5 % already past),
 * some needing a level nobody has. The same seed always gives the same instance.
 */
export function generateInstance(seed: number, size: InstanceSize): Instance {
  const rng = createPrng(seed);
  const technicians = Array.from({ length: size.technicians }, (_, i) => generateTechnician(rng, i, size.horizonDays));
  const jobs = Array.from({ length: size.jobs }, (_, i) => generateJob(rng, i, size.horizonDays, technicians));
  return { problem: { technicians, jobs }, now: new Date(INSTANCE_NOW) };
}
