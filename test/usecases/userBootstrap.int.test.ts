import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dropDatabase, ensureDatabase, migrate } from '../../db/migrate';
import { bootstrapAdminUser, useSignInLink } from '../../usecases/users';

/**
 * First run (issue #18): with no user at all, the API creates the admin and a one-time sign-in
 * link, printed instead of asking anyone to paste a key. Needs an empty users table, so it runs on
 * a database of its own (the shared test database has users from other files).
 */
let sql: postgres.Sql;
let url: string;

beforeAll(async () => {
  url = new URL(inject('databaseUrl')).toString().replace(/\/[^/]+$/, `/sm_boot_${randomUUID().slice(0, 8)}`);
  await ensureDatabase(url);
  sql = postgres(url, { max: 4, onnotice: () => {} });
  await migrate(sql);
}, 60_000);
afterAll(async () => {
  await sql?.end();
  await dropDatabase(url);
});

describe('bootstrapAdminUser', () => {
  it('creates one admin and one link even when API processes start side by side, and nothing later', async () => {
    const results = await Promise.all([bootstrapAdminUser(sql, 72), bootstrapAdminUser(sql, 72), bootstrapAdminUser(sql, 72)]);
    const made = results.filter((r) => r !== null);
    expect(made).toHaveLength(1);
    expect(made[0]!.email).toBe('admin@localhost');
    const users = await sql<{ roles: string[] }[]>`select roles from users`;
    expect(users.map((u) => u.roles)).toEqual([['admin']]);
    expect(await bootstrapAdminUser(sql, 72)).toBeNull();
  });

  it('gives a link that signs the admin in once', async () => {
    const [admin] = await sql<{ id: string }[]>`select id from users`;
    await sql`delete from users`;
    const first = await bootstrapAdminUser(sql, 72);
    const user = await useSignInLink(sql, first!.token);
    expect(user?.roles).toEqual(['admin']);
    expect(user?.id).not.toBe(admin!.id);
    expect(await useSignInLink(sql, first!.token)).toBeUndefined();
  });
});
