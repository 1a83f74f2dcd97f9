import { createHash, randomBytes } from 'node:crypto';
import { hash, verify, type Options } from '@node-rs/argon2';
import type postgres from 'postgres';
import * as db from '../db/users';
import type { Sql } from '../db/sql';
import { Conflict, NotFound } from '../domain/errors';
import type { Role } from '../domain/roles';

export type { UserRecord } from '../db/users';

/** argon2id with the library's defaults (19 MiB, 2 passes: OWASP's first recommended setting). */
// 2 is Algorithm.Argon2id: the package declares it as an ambient const enum, unreadable under isolatedModules.
const ARGON2: Options = { algorithm: 2 as Options['algorithm'] };

/**
 * Verified against when the email is unknown, so an unknown address costs the same time as a wrong
 * password and the answer's latency does not tell which addresses have accounts.
 */
let decoyHash: Promise<string> | undefined;

/** Session and link tokens: 32 random bytes; stored as SHA-256, like API keys. */
export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** The user for an email and password, or null: the caller answers every failure the same way. */
export async function checkPassword(sql: postgres.Sql, email: string, password: string): Promise<db.UserRecord | null> {
  const user = await db.findUserForSignIn(email, sql);
  const stored = user?.passwordHash ?? (await (decoyHash ??= hashPassword(randomBytes(16).toString('hex'))));
  const ok = await verify(stored, password).catch(() => false);
  if (!ok || !user || !user.passwordHash || user.disabledAt) return null;
  const { passwordHash: _hidden, ...view } = user;
  return view;
}

/**
 * Opens a new session for a user. Always a fresh random token, whatever cookie the browser sent:
 * a token planted before sign-in (session fixation) is never promoted, and the caller drops it.
 */
export async function openSession(sql: postgres.Sql, userId: string, ttlHours: number): Promise<{ token: string; expiresAt: Date }> {
  const { token, tokenHash } = newToken();
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  await db.insertSession({ tokenHash, userId, expiresAt }, sql);
  return { token, expiresAt };
}

export async function closeSession(sql: postgres.Sql, token: string): Promise<void> {
  await db.deleteSession(hashToken(token), sql);
}

/** The signed-in user behind a session cookie, or undefined (expired, signed out, disabled). */
export function sessionUser(sql: postgres.Sql, token: string): Promise<db.UserRecord | undefined> {
  return db.findSessionUser(hashToken(token), sql);
}

/** Spends a one-time sign-in link; undefined when unknown, used, expired or its user disabled. */
export function useSignInLink(sql: postgres.Sql, token: string): Promise<db.UserRecord | undefined> {
  return db.consumeSignInLink(hashToken(token), sql);
}

export async function createSignInLink(sql: Sql, userId: string, purpose: 'first_run' | 'invite', ttlHours: number): Promise<string> {
  const { token, tokenHash } = newToken();
  await db.insertSignInLink({ tokenHash, userId, purpose, expiresAt: new Date(Date.now() + ttlHours * 3_600_000) }, sql);
  return token;
}

/**
 * Creates a user. With a password it can sign in at once; without one it is an invitation: the
 * returned one-time link token signs the person in once, and they choose a password then.
 */
export async function createUser(
  sql: postgres.Sql,
  input: { name: string; email: string; roles: Role[]; password?: string },
  linkTtlHours: number,
): Promise<{ user: db.UserRecord; inviteToken: string | null }> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return (await sql.begin(async (tx) => {
    const user = await db.insertUser({ name: input.name, email: input.email, roles: [...new Set(input.roles)], passwordHash }, tx);
    if (!user) throw new Conflict(`A user with email ${input.email} already exists`, 'user_exists');
    const inviteToken = passwordHash ? null : await createSignInLink(tx, user.id, 'invite', linkTtlHours);
    return { user, inviteToken };
  })) as { user: db.UserRecord; inviteToken: string | null };
}

export const listUsers = (sql: postgres.Sql) => db.listUsers(sql);

export async function changeUserRoles(sql: postgres.Sql, id: string, roles: Role[]): Promise<db.UserRecord> {
  const user = await db.updateUserRoles(id, [...new Set(roles)], sql);
  if (!user) throw new NotFound(`No user ${id}`);
  return user;
}

/** Disables a user; their sessions end at once (each request looks its session up). */
export async function disableUser(sql: postgres.Sql, id: string): Promise<db.UserRecord> {
  const user = (await sql.begin((tx) => db.disableUser(id, tx))) as db.UserRecord | undefined;
  if (!user) throw new NotFound(`No user ${id}`);
  return user;
}

/**
 * Sets a password. A user who has one must give it (a stolen session alone cannot take over the
 * account); an invited user signing in from their link sets the first one without.
 */
export async function changePassword(sql: postgres.Sql, userId: string, input: { password: string; current?: string }): Promise<boolean> {
  const user = await db.findUser(userId, sql);
  if (!user) throw new NotFound(`No user ${userId}`);
  if (user.passwordHash && !(input.current && (await verify(user.passwordHash, input.current).catch(() => false)))) return false;
  await db.setPasswordHash(userId, await hashPassword(input.password), sql);
  return true;
}

/**
 * First run: when there is no user at all, creates the admin user and a one-time sign-in link for
 * it (printed by the API at start, like a notebook server's token link). Later starts do nothing.
 */
export async function bootstrapAdminUser(sql: postgres.Sql, linkTtlHours: number): Promise<{ email: string; token: string } | null> {
  return (await sql.begin(async (tx) => {
    await db.lockUserBootstrap(tx);
    if ((await db.countUsers(tx)) > 0) return null;
    const user = await db.insertUser({ name: 'Administrator', email: 'admin@localhost', roles: ['admin'], passwordHash: null }, tx);
    const token = await createSignInLink(tx, user!.id, 'first_run', linkTtlHours);
    return { email: user!.email, token };
  })) as { email: string; token: string } | null;
}
