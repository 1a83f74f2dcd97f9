import net from 'node:net';

export interface TcpProxy {
  /** The loopback port clients connect to instead of the target. */
  readonly port: number;
  /** Destroys every open connection and refuses (accepts and resets) new ones until `resume`. */
  pause(): void;
  resume(): void;
  readonly paused: boolean;
  /** Connections forwarded, and connections refused while paused. */
  stats(): { forwarded: number; refused: number; open: number };
  close(): Promise<void>;
}

/**
 * A byte-level TCP forwarder on 127.0.0.1 that a test can cut: the way to make a dependency
 * (PostgreSQL) unreachable for one process without touching the shared server. While paused the
 * listening socket stays bound, so nobody else can take the port, but every connection is reset
 * at once — what a client sees when the database host goes down or restarts.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let paused = false;
  let forwarded = 0;
  let refused = 0;

  const server = net.createServer((client) => {
    if (paused) {
      refused += 1;
      client.resetAndDestroy();
      return;
    }
    forwarded += 1;
    const upstream = net.connect(target.port, target.host);
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });

  return {
    port: (server.address() as net.AddressInfo).port,
    get paused() {
      return paused;
    },
    pause() {
      paused = true;
      for (const socket of open) socket.resetAndDestroy();
      open.clear();
    },
    resume() {
      paused = false;
    },
    stats: () => ({ forwarded, refused, open: open.size / 2 }),
    async close() {
      paused = true;
      for (const socket of open) socket.destroy();
      open.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
