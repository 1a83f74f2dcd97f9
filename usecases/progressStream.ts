import { PassThrough } from 'node:stream';
import type { Client } from '@temporalio/client';

/**
 * Server-Sent Events of a workflow's progress: `event: progress` with the progress document
 * whenever it changes, a comment every 15 s to keep proxies from closing the connection, and
 * `event: end` with the final status once the workflow closes.
 */
export function progressStream(client: Client, workflowId: string, opts: { intervalMs?: number; maxMs?: number } = {}): PassThrough {
  const stream = new PassThrough();
  const handle = client.workflow.getHandle(workflowId);
  const interval = opts.intervalMs ?? 400;
  const deadline = Date.now() + (opts.maxMs ?? 30 * 60_000);
  let last = '';
  let lastWrite = Date.now();
  let closed = false;
  stream.on('close', () => (closed = true));
  const send = (event: string, data: unknown) => {
    stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    lastWrite = Date.now();
  };

  void (async () => {
    let id = 0;
    while (!closed && Date.now() < deadline) {
      try {
        const progress = await handle.query('progress');
        const text = JSON.stringify(progress);
        if (text !== last) {
          last = text;
          stream.write(`id: ${++id}\n`);
          send('progress', progress);
        }
        const d = await handle.describe();
        if (d.status.name !== 'RUNNING') {
          send('end', { status: d.status.name.toLowerCase(), progress });
          break;
        }
      } catch (err) {
        send('error', { message: (err as Error).message.slice(0, 300) });
        break;
      }
      if (Date.now() - lastWrite > 15_000) stream.write(': keep-alive\n\n');
      await new Promise((r) => setTimeout(r, interval));
    }
    stream.end();
  })();
  return stream;
}
