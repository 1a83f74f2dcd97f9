import { DEFAULT_SITE_TIME_ZONE, defaultTechnicians, type SkillLevel, type Technician, type WeeklyShift } from '../scheduling';
import { listLiveBookings } from './bookings';
import { ensureSites } from './sites';
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
  const present = await sql<{ id: string }[]>`select id from technicians`;
  const roster = defaultTechnicians().filter((t) => !present.some((p) => p.id === t.id));
  // The missing technicians' sites first (migration 0023 creates the plants; one deleted since
  // comes back only with a technician to seed into it).
  const sites = [...new Set(roster.map((t) => t.site))];
  await ensureSites(
    sites.map((id) => ({ id, name: siteName(id), time_zone: DEFAULT_SITE_TIME_ZONE })),
    sql,
  );
  for (const t of roster) {
    const rows = await sql`
      insert into technicians (id, name, site, skills, shifts, utc_offset_minutes)
      values (${t.id}, ${t.name}, ${t.site}, ${sql.json(t.skills)}, ${sql.json(t.shifts)}, ${t.utcOffsetMinutes})
      on conflict (id) do nothing
      returning id`;
    inserted += rows.length;
  }
  return inserted;
}

/** 'plant-north' → 'Plant North', the name migration 0023 gave the default plants. */
const siteName = (id: string) => id.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => `${dash ? ' ' : ''}${c.toUpperCase()}`);

export async function listTechnicians(
  opts: { activeOnly?: boolean; site?: string } = {},
  sql: Sql = getSql(),
): Promise<TechnicianRecord[]> {
  const rows = await sql<TechnicianRow[]>`
    select id, name, site, skills, shifts, utc_offset_minutes, active, created_at
    from technicians
    where (${opts.activeOnly ?? false} = false or active)
      and (${opts.site ?? null}::text is null or site = ${opts.site ?? null})
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
 * commits afterwards. With `site`, only that site's technicians: the candidates for an order on one
 * of its assets (schedules never mix sites).
 */
export async function loadPlanningRoster(from: Date, sql: Sql = getSql(), site?: string): Promise<Technician[]> {
  const [technicians, bookings] = await Promise.all([
    listTechnicians({ activeOnly: true, site }, sql),
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
