import net from 'node:net';

/** True when something accepts TCP connections on host:port within the timeout. */
export function isReachable(host: string, port: number, timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** What to run when a dependency is down, for this kind of machine (Debian packages) or Docker. */
export const HOW_TO_START: Record<'postgres' | 'redis', string> = {
  postgres:
    'PostgreSQL is not reachable. Start it with:\n  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n' +
    'or, with Docker: docker compose up -d postgres\nor point DATABASE_URL at a reachable server.',
  redis:
    'Redis is not reachable. Start it with:\n  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no\n' +
    'or, with Docker: docker compose up -d redis\nor point REDIS_URL at a reachable server.',
};

export async function requireDependencies(urls: { database: string; redis: string }): Promise<void> {
  const pg = new URL(urls.database);
  const rd = new URL(urls.redis);
  const problems: string[] = [];
  if (!(await isReachable(pg.hostname, Number(pg.port || 5432)))) problems.push(HOW_TO_START.postgres);
  if (!(await isReachable(rd.hostname, Number(rd.port || 6379)))) problems.push(HOW_TO_START.redis);
  if (problems.length) throw new Error(problems.join('\n\n'));
}
