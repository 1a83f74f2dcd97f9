import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort, waitUntil } from './processes';

export interface Broker {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * A private Mosquitto on a free loopback port, so a test's persistent sessions and queues never
 * meet another suite's on the shared broker. Its queue limit is raised the way the README tells a
 * plant to raise it: Mosquitto's default (1000 queued messages per client) silently drops what a
 * paused or restarting connector has not taken yet.
 */
export async function startBroker(): Promise<Broker> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sm-mosquitto-'));
  const conf = path.join(dir, 'mosquitto.conf');
  writeFileSync(
    conf,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous true',
      'persistence false',
      'max_queued_messages 1000000',
      'max_inflight_messages 0',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('mosquitto', ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-2000)));
  process.once('exit', () => child.kill('SIGKILL'));
  await waitUntil(
    `mosquitto on ${port} (${log})`,
    () =>
      new Promise<true | undefined>((resolve) => {
        const s = net.connect(port, '127.0.0.1');
        s.once('connect', () => (s.destroy(), resolve(true)));
        s.once('error', () => resolve(undefined));
      }),
    { timeoutMs: 10_000, intervalMs: 50 },
  );
  return {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    async stop() {
      if (child.exitCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await gone;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
