import type { Context } from 'koa';
import type { Readable } from 'node:stream';

/**
 * Answers with a Server-Sent Events stream: no socket timeout (a quiet feed is not a dead one), no
 * caching or proxy buffering (nginx's X-Accel-Buffering), and the stream ends when the client goes.
 */
export function sendEventStream(ctx: Context, stream: Readable): void {
  ctx.req.socket.setTimeout(0);
  ctx.set('Cache-Control', 'no-cache, no-transform');
  ctx.set('Connection', 'keep-alive');
  ctx.set('X-Accel-Buffering', 'no');
  ctx.type = 'text/event-stream';
  ctx.req.on('close', () => stream.destroy());
  ctx.body = stream;
}
