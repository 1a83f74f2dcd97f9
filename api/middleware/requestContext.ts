import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { ApiKeyRecord } from '../../usecases/apiKeys';
import type { Logger } from '../../observability/logger';
import type { Metrics } from '../../observability/metrics';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

declare module 'koa' {
  interface DefaultState {
    requestId: string;
    correlationId: string;
    log: Logger;
  }
}

/**
 * A request's state. Its logger is made on first use: a pino child per request cost measurable CPU
 * on hot routes that never log (the access line below does without one).
 */
class RequestState {
  private logger: Logger | undefined;
  apiKey?: ApiKeyRecord;
  constructor(
    private readonly root: Logger,
    readonly requestId: string,
    readonly correlationId: string,
  ) {}

  get log(): Logger {
    return (this.logger ??= this.root.child(this.bindings()));
  }

  set log(value: Logger) {
    this.logger = value;
  }

  bindings(): Record<string, string> {
    const b: Record<string, string> = { request_id: this.requestId, correlation_id: this.correlationId };
    if (this.apiKey) b.api_key_id = this.apiKey.id;
    return b;
  }
}

/**
 * Gives every request an id (echoing a well-formed X-Request-ID) and a correlation id (echoing a
 * UUID X-Correlation-ID), a child logger carrying both, an access log line and HTTP metrics.
 */
export function requestContext(opts: { logger: Logger; metrics: Metrics }): Middleware {
  return async (ctx, next) => {
    const started = process.hrtime.bigint();
    const incomingRequestId = ctx.get('X-Request-ID');
    const incomingCorrelation = ctx.get('X-Correlation-ID');
    const state = new RequestState(
      opts.logger,
      SAFE_ID.test(incomingRequestId) ? incomingRequestId : randomUUID(),
      UUID.test(incomingCorrelation) ? incomingCorrelation.toLowerCase() : randomUUID(),
    );
    ctx.state = state;
    // res.setHeader: Koa's ctx.set allocates arrays per call (see rateLimit).
    ctx.res.setHeader('X-Request-ID', state.requestId);
    ctx.res.setHeader('X-Correlation-ID', state.correlationId);
    try {
      await next();
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route =
        typeof ctx._matchedRoute === 'string'
          ? ctx._matchedRoute
          : ctx.status === 404
            ? 'unmatched'
            : ctx.path.startsWith('/api/')
              ? 'unmatched'
              : 'static';
      const labels = { method: ctx.method, route, status: String(ctx.status) };
      opts.metrics.observeRequest(labels, seconds);
      if (route !== 'static' && ctx.path !== '/metrics' && opts.logger.isLevelEnabled('info')) {
        opts.logger.info(
          { ...state.bindings(), method: ctx.method, route, status: ctx.status, ms: Math.round(seconds * 1e4) / 10 },
          'request',
        );
      }
    }
  };
}
