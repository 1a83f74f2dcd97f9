import { getSql, type Sql } from './sql';

export const BOOKING_STATUSES = ['tentative', 'firm', 'released'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export interface Booking {
  id: string;
  technician_id: string;
  order_id: string;
  start: Date;
  end: Date;
  status: BookingStatus;
  created_at: Date;
  released_at: Date | null;
}

/** PostgreSQL's exclusion_violation: the GiST constraint refused an overlapping live booking. */
export const BOOKING_OVERLAP = '23P01';
/**
 * Two transactions inserting overlapping bookings at the same instant can each wait for the other
 * on the exclusion constraint; PostgreSQL then aborts one with deadlock_detected. For the loser it
 * means the same as an overlap: someone else holds that time.
 */
const DEADLOCK = '40P01';

export function isBookingOverlap(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return code === BOOKING_OVERLAP || code === DEADLOCK;
}

// Periods are half-open [start, end): a job ending at 10:00 and one starting at 10:00 do not overlap.
const columns = (sql: Sql) => sql`
  id::text as id, technician_id, order_id, lower(period) as start, upper(period) as "end", status, created_at, released_at`;

/**
 * Books a technician's time for an order. Throws the driver's error with code `23P01`
 * (see `isBookingOverlap`) when a live booking of the same technician overlaps it, and `23505`
 * when the order already holds a live booking.
 */
export async function insertBooking(
  b: { technicianId: string; orderId: string; start: Date; end: Date; status: 'tentative' | 'firm' },
  sql: Sql = getSql(),
): Promise<Booking> {
  const [row] = await sql<Booking[]>`
    insert into technician_bookings (technician_id, order_id, period, status)
    values (${b.technicianId}, ${b.orderId}, tstzrange(${b.start}, ${b.end}, '[)'), ${b.status})
    returning ${columns(sql)}`;
  return row!;
}

/** The order's tentative or firm booking, if it holds one (at most one, by a unique index). */
export async function findLiveBooking(orderId: string, sql: Sql = getSql()): Promise<Booking | undefined> {
  const [row] = await sql<Booking[]>`
    select ${columns(sql)} from technician_bookings where order_id = ${orderId} and status <> 'released'`;
  return row;
}

/** Every booking the order ever held, released ones included, oldest first. */
export async function listOrderBookings(orderId: string, sql: Sql = getSql()): Promise<Booking[]> {
  return sql<Booking[]>`
    select ${columns(sql)} from technician_bookings where order_id = ${orderId}
    order by technician_bookings.created_at, technician_bookings.id`;
}

export async function makeBookingFirm(bookingId: string, sql: Sql = getSql()): Promise<Booking | undefined> {
  const [row] = await sql<Booking[]>`
    update technician_bookings set status = 'firm'
    where id = ${bookingId} and status <> 'released'
    returning ${columns(sql)}`;
  return row;
}

/** Gives the technician's time back; returns the released booking, or undefined when there was none. */
export async function releaseLiveBooking(orderId: string, now: Date, sql: Sql = getSql()): Promise<Booking | undefined> {
  const [row] = await sql<Booking[]>`
    update technician_bookings set status = 'released', released_at = ${now}
    where order_id = ${orderId} and status <> 'released'
    returning ${columns(sql)}`;
  return row;
}

/** Live bookings that still matter for planning: those not over before `endingAfter`. */
export async function listLiveBookings(f: { endingAfter: Date }, sql: Sql = getSql()): Promise<Booking[]> {
  return sql<Booking[]>`
    select ${columns(sql)} from technician_bookings
    where status <> 'released' and upper(period) > ${f.endingAfter}
    order by technician_id, lower(period)`;
}
