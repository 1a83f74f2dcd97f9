import { z } from 'zod';

/**
 * The scheduling problem as data. One zod schema per shape is both the runtime check (the
 * SchedulingAgent parses its activity input with `scheduleProblemSchema`) and the TypeScript type.
 * Every instant is an ISO 8601 string rather than a Date because the problem and the result cross
 * Temporal's JSON payload converter, which would silently turn a Date into a string anyway.
 */

const isoInstant = z.iso.datetime({ offset: true });
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (00:00–23:59)');

export const intervalSchema = z.strictObject({
  start: isoInstant,
  end: isoInstant,
  /** Free text for humans, e.g. the order id that holds a booking. */
  label: z.string().max(200).optional(),
});
export type Interval = z.infer<typeof intervalSchema>;

export const skillLevelSchema = z.strictObject({
  skill: z.string().min(1).max(64),
  /** 1 = trainee … 5 = expert. */
  level: z.number().int().min(1).max(5),
});
export type SkillLevel = z.infer<typeof skillLevelSchema>;

/**
 * A recurring shift in the technician's site local time. `end <= start` means the shift crosses
 * midnight (a night shift 22:00–06:00 that starts on `weekday`).
 */
export const weeklyShiftSchema = z.strictObject({
  /** 0 = Sunday … 6 = Saturday, the local weekday on which the shift starts. */
  weekday: z.number().int().min(0).max(6),
  start: localTime,
  end: localTime,
});
export type WeeklyShift = z.infer<typeof weeklyShiftSchema>;

export const technicianSchema = z.strictObject({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  site: z.string().min(1).max(64),
  skills: z.array(skillLevelSchema),
  /** Fixed offset of the site's local time from UTC; daylight saving is not modelled. */
  utcOffsetMinutes: z
    .number()
    .int()
    .min(-14 * 60)
    .max(14 * 60),
  shifts: z.array(weeklyShiftSchema),
  /** One-off availability (overtime, a swapped shift), on top of the weekly pattern. */
  extraAvailability: z.array(intervalSchema).default([]),
  /** Time already taken (other orders, leave, training): nothing may overlap it. */
  bookings: z.array(intervalSchema).default([]),
});
export type Technician = z.input<typeof technicianSchema>;

export const jobSchema = z.strictObject({
  id: z.string().min(1).max(128),
  /** The equipment (or sensor) the work is on; continuity is judged per equipment. */
  equipmentId: z.string().min(1).max(128),
  requiredSkill: z.string().min(1).max(64),
  minLevel: z.number().int().min(1).max(5),
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
  /** Earliest start (parts on site, equipment can be stopped). */
  readyAt: isoInstant,
  /** Derived by the caller from the predicted failure time; see `effectiveDeadline` for a past one. */
  deadline: isoInstant,
  /** 1 = low … 5 = critical; multiplies the risk cost and the penalty for leaving the job unplanned. */
  priority: z.number().int().min(1).max(5),
  /** Probability that the equipment fails before the deadline if nothing is done. */
  failureProbability: z.number().min(0).max(1),
  /** When the caller has a hazard rate it is used directly instead of being derived from the probability. */
  hazardPerHour: z.number().min(0).optional(),
  /** Where the equipment is; a technician from another site costs travel. */
  site: z.string().min(1).max(64).optional(),
  /** The technician who last serviced this equipment. */
  lastTechnicianId: z.string().min(1).max(64).optional(),
});
export type Job = z.infer<typeof jobSchema>;

export const scheduleProblemSchema = z.strictObject({
  technicians: z.array(technicianSchema),
  jobs: z.array(jobSchema),
});
export type ScheduleProblem = z.input<typeof scheduleProblemSchema>;
