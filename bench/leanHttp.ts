import net from 'node:net';

/**
 * The load generator's HTTP/1.1 client: keep-alive sockets, the request written as one string,
 * the answer read by its Content-Length. On this 2-core machine the load generator shares the
 * cores with the system it measures; node:http cost it about 0.4 ms of CPU per request (measured
 * with /proc), time taken from the API, PostgreSQL and Redis, so the bench measured part of itself.
 * This client only does what the bench needs: no chunked answers, no redirects, no TLS.
 */

interface Waiter {
  resolve(res: { status: number; body: string }): void;
  reject(err: Error): void;
}

class LeanConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private waiter: Waiter | undefined;
  readonly socket: net.Socket;
  closed = false;

  constructor(host: string, port: number) {
    this.socket = net.connect({ host, port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    const fail = (err: Error) => {
      this.closed = true;
      this.waiter?.reject(err);
      this.waiter = undefined;
    };
    this.socket.on('error', fail);
    this.socket.on('close', () => fail(new Error('connection closed')));
  }

  send(request: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
      this.socket.write(request);
    });
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const headEnd = this.buffer.indexOf('\r\n\r\n');
    if (headEnd < 0) return;
    const head = this.buffer.toString('latin1', 0, headEnd);
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!length) {
      this.waiter?.reject(new Error(`answer without Content-Length: ${head.slice(0, 200)}`));
      this.waiter = undefined;
      this.socket.destroy();
      return;
    }
    const total = headEnd + 4 + Number(length[1]);
    if (this.buffer.length < total) return;
    const status = Number(head.slice(9, 12));
    const body = this.buffer.toString('utf8', headEnd + 4, total);
    this.buffer = this.buffer.subarray(total);
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.resolve({ status, body });
  }
}

const idle = new Map<string, LeanConnection[]>();

/** Same contract as `httpCall` in load.ts; concurrent calls each use their own connection. */
export async function leanHttpCall(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  const origin = u.host;
  const pool = idle.get(origin) ?? [];
  idle.set(origin, pool);
  let conn = pool.pop();
  while (conn?.closed) conn = pool.pop();
  conn ??= new LeanConnection(u.hostname, Number(u.port || 80));
  const body = init.body ?? '';
  let request = `${init.method ?? 'GET'} ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${origin}\r\n`;
  for (const [name, value] of Object.entries(init.headers ?? {})) request += `${name}: ${value}\r\n`;
  request += `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  const res = await conn.send(request);
  pool.push(conn);
  return res;
}

/** Closes every idle connection (end of a bench run). */
export function closeLeanConnections(): void {
  for (const pool of idle.values()) for (const c of pool.splice(0)) c.socket.destroy();
}
