import { defaultTechnicians, type SkillLevel, type Technician, type WeeklyShift } from '../scheduling';
import { listLiveBookings } from './bookings';
import { getSql, type Sql } from './sql';

export interface TechnicianRecord {
  id: string;
  name: string;
  site: string;
  skills: SkillLevel[];
  shifts: WeeklyShift[];
  utc_offset_minutes: number;
  active: boolean;
  created_at: string;
}

interface TechnicianRow extends Omit<TechnicianRecord, 'created_at'> {
  created_at: Date;
}

const toRecord = (r: TechnicianRow): TechnicianRecord => ({ ...r, created_at: r.created_at.toISOString() });

/**
 * Inserts the default roster's technicians that are missing. Runs at every API and worker start,
 * so it never overwrites a row: a technician edited after seeding keeps the edit.
 * Returns how many rows it inserted.
 */
export async function seedDefaultTechnicians(sql: Sql = getSql()): Promise<number> {
  let inserted = 0;
  for (const t of defaultTechnicians()) {
    const rows = await sql`
      insert into technicians (id, name, site, skills, shifts, utc_offset_minutes)
      values (${t.id}, ${t.name}, ${t.site}, ${sql.json(t.skills)}, ${sql.json(t.shifts)}, ${t.utcOffsetMinutes})
      on conflict (id) do nothing
      returning id`;
    inserted += rows.length;
  }
  return inserted;
}

export async function listTechnicians(opts: { activeOnly?: boolean } = {}, sql: Sql = getSql()): Promise<TechnicianRecord[]> {
  const rows = await sql<TechnicianRow[]>`
    select id, name, site, skills, shifts, utc_offset_minutes, active, created_at
    from technicians
    ${opts.activeOnly ? sql`where active` : sql``}
    order by id`;
  return rows.map(toRecord);
}

export async function getTechnician(id: string, sql: Sql = getSql()): Promise<TechnicianRecord | undefined> {
  const [row] = await sql<TechnicianRow[]>`
    select id, name, site, skills, shifts, utc_offset_minutes, active, created_at
    from technicians where id = ${id}`;
  return row && toRecord(row);
}

/**
 * The active roster as the optimiser sees it: each technician with the time their live
 * (tentative or firm) bookings already hold from `from` on. Read inside the planning transaction,
 * so the plan starts from what is committed at that moment; the exclusion constraint catches what
 * commits afterwards.
 */
export async function loadPlanningRoster(from: Date, sql: Sql = getSql()): Promise<Technician[]> {
  const [technicians, bookings] = await Promise.all([
    listTechnicians({ activeOnly: true }, sql),
    listLiveBookings({ endingAfter: from }, sql),
  ]);
  return technicians.map((t) => ({
    id: t.id,
    name: t.name,
    site: t.site,
    skills: t.skills,
    shifts: t.shifts,
    utcOffsetMinutes: t.utc_offset_minutes,
    extraAvailability: [],
    bookings: bookings
      .filter((b) => b.technician_id === t.id)
      .map((b) => ({ start: b.start.toISOString(), end: b.end.toISOString(), label: `order ${b.order_id}` })),
  }));
}

/** Creates or replaces a technician (the roster is editable; bookings stay attached by id). */
export async function upsertTechnician(
  t: { id: string; name: string; site: string; skills: SkillLevel[]; shifts: WeeklyShift[]; utcOffsetMinutes: number; active: boolean },
  sql: Sql = getSql(),
): Promise<{ record: TechnicianRecord; created: boolean }> {
  const [row] = await sql<(TechnicianRow & { created: boolean })[]>`
    insert into technicians (id, name, site, skills, shifts, utc_offset_minutes, active)
    values (${t.id}, ${t.name}, ${t.site}, ${sql.json(t.skills)}, ${sql.json(t.shifts)}, ${t.utcOffsetMinutes}, ${t.active})
    on conflict (id) do update set name = excluded.name, site = excluded.site, skills = excluded.skills,
      shifts = excluded.shifts, utc_offset_minutes = excluded.utc_offset_minutes, active = excluded.active
    returning id, name, site, skills, shifts, utc_offset_minutes, active, created_at, (xmax = 0) as created`;
  const { created, ...rest } = row!;
  return { record: toRecord(rest), created };
}
