import { getSql, type Sql } from './sql';
import type { Role } from '../domain/roles';

/** A user as the rest of the system sees it: never the password hash. */
export interface UserRecord {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  hasPassword: boolean;
  disabledAt: Date | null;
  createdAt: Date;
}

const USER_COLUMNS = (sql: Sql) =>
  sql`id, name, email, roles, password_hash is not null as "hasPassword", disabled_at as "disabledAt", created_at as "createdAt"`;

export async function insertUser(
  input: { name: string; email: string; roles: Role[]; passwordHash: string | null },
  sql: Sql = getSql(),
): Promise<UserRecord | undefined> {
  const [row] = await sql<UserRecord[]>`
    insert into users (name, email, roles, password_hash)
    values (${input.name}, ${input.email}, ${input.roles}, ${input.passwordHash})
    on conflict (lower(email)) do nothing
    returning ${USER_COLUMNS(sql)}`;
  return row;
}

export async function listUsers(sql: Sql = getSql()): Promise<UserRecord[]> {
  return sql<UserRecord[]>`select ${USER_COLUMNS(sql)} from users order by created_at, id`;
}

export async function countUsers(sql: Sql = getSql()): Promise<number> {
  const [row] = await sql<{ n: bigint }[]>`select count(*) as n from users`;
  return Number(row?.n ?? 0);
}

/** The user and stored hash for a sign-in attempt; the hash never leaves the use case. */
export async function findUserForSignIn(
  email: string,
  sql: Sql = getSql(),
): Promise<(UserRecord & { passwordHash: string | null }) | undefined> {
  const [row] = await sql<(UserRecord & { passwordHash: string | null })[]>`
    select ${USER_COLUMNS(sql)}, password_hash as "passwordHash" from users where lower(email) = lower(${email})`;
  return row;
}

export async function findUser(id: string, sql: Sql = getSql()): Promise<(UserRecord & { passwordHash: string | null }) | undefined> {
  const [row] = await sql<(UserRecord & { passwordHash: string | null })[]>`
    select ${USER_COLUMNS(sql)}, password_hash as "passwordHash" from users where id = ${id}`;
  return row;
}

/** The longest-standing active user with the admin role, the owner of a generated admin key. */
export async function findFirstActiveAdmin(sql: Sql = getSql()): Promise<UserRecord | undefined> {
  const [row] = await sql<UserRecord[]>`
    select ${USER_COLUMNS(sql)} from users where 'admin' = any(roles) and disabled_at is null order by created_at, id limit 1`;
  return row;
}

/** An active user (not disabled), e.g. the owner of an API key, looked up on every request. */
export async function findActiveUser(id: string, sql: Sql = getSql()): Promise<UserRecord | undefined> {
  const [row] = await sql<UserRecord[]>`select ${USER_COLUMNS(sql)} from users where id = ${id} and disabled_at is null`;
  return row;
}

export async function updateUserRoles(id: string, roles: Role[], sql: Sql = getSql()): Promise<UserRecord | undefined> {
  const [row] = await sql<UserRecord[]>`update users set roles = ${roles} where id = ${id} returning ${USER_COLUMNS(sql)}`;
  return row;
}

/** Disables a user and ends every session they hold, in one statement pair on the caller's tx. */
export async function disableUser(id: string, sql: Sql = getSql()): Promise<UserRecord | undefined> {
  const [row] = await sql<UserRecord[]>`
    update users set disabled_at = coalesce(disabled_at, now()) where id = ${id} returning ${USER_COLUMNS(sql)}`;
  if (row) await sql`delete from user_sessions where user_id = ${id}`;
  return row;
}

export async function setPasswordHash(id: string, passwordHash: string, sql: Sql = getSql()): Promise<void> {
  await sql`update users set password_hash = ${passwordHash} where id = ${id}`;
}

export async function insertSession(input: { tokenHash: string; userId: string; expiresAt: Date }, sql: Sql = getSql()): Promise<void> {
  await sql`insert into user_sessions (token_hash, user_id, expires_at) values (${input.tokenHash}, ${input.userId}, ${input.expiresAt})`;
}

/**
 * Deletes up to `limit` sessions past their expiry, in one short statement (`skip locked`: an
 * overlapping run takes other rows). An expired session already signs nobody in; this only keeps
 * the table from growing with every sign-in. Returns how many went.
 */
export async function deleteExpiredSessions(limit: number, sql: Sql = getSql()): Promise<number> {
  const rows = await sql`
    delete from user_sessions where token_hash in (
      select token_hash from user_sessions where expires_at <= now() limit ${limit} for update skip locked)
    returning 1`;
  return rows.length;
}

/** One-time sign-in links past their expiry, used or not: once expired they can open nothing. */
export async function deleteExpiredSignInLinks(limit: number, sql: Sql = getSql()): Promise<number> {
  const rows = await sql`
    delete from user_sign_in_links where token_hash in (
      select token_hash from user_sign_in_links where expires_at <= now() limit ${limit} for update skip locked)
    returning 1`;
  return rows.length;
}

export async function deleteSession(tokenHash: string, sql: Sql = getSql()): Promise<void> {
  await sql`delete from user_sessions where token_hash = ${tokenHash}`;
}

/** The active user behind a session token hash: unexpired, and the user not disabled. */
export async function findSessionUser(tokenHash: string, sql: Sql = getSql()): Promise<UserRecord | undefined> {
  const [row] = await sql<UserRecord[]>`
    select u.id, u.name, u.email, u.roles, u.password_hash is not null as "hasPassword", u.disabled_at as "disabledAt", u.created_at as "createdAt"
    from user_sessions s join users u on u.id = s.user_id
    where s.token_hash = ${tokenHash} and s.expires_at > now() and u.disabled_at is null`;
  return row;
}

export async function insertSignInLink(
  input: { tokenHash: string; userId: string; purpose: 'first_run' | 'invite'; expiresAt: Date },
  sql: Sql = getSql(),
): Promise<void> {
  await sql`
    insert into user_sign_in_links (token_hash, user_id, purpose, expires_at)
    values (${input.tokenHash}, ${input.userId}, ${input.purpose}, ${input.expiresAt})`;
}

/** Marks a link used and returns its user, once: a second use, an expired link or a disabled user finds nothing. */
export async function consumeSignInLink(tokenHash: string, sql: Sql = getSql()): Promise<UserRecord | undefined> {
  const [row] = await sql<{ user_id: string }[]>`
    update user_sign_in_links set used_at = now()
    where token_hash = ${tokenHash} and used_at is null and expires_at > now()
    returning user_id`;
  if (!row) return undefined;
  const user = await findUser(row.user_id, sql);
  if (!user || user.disabledAt) return undefined;
  const { passwordHash: _hidden, ...view } = user;
  return view;
}

/** Serialises first-run admin creation across API processes starting side by side. */
export async function lockUserBootstrap(sql: Sql): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('user-bootstrap'))`;
}
