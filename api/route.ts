import Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { z } from 'zod';
import type { Scope } from '../domain/scopes';
import { AddressGuard } from './middleware/addressGuard';
import { optionalApiKey, requireApiKey, type ApiKeyResolver } from './middleware/auth';
import { bodyParser } from './middleware/bodyParser';
import type { SessionOptions } from './middleware/session';
import { rateLimit, type RateCounter } from './middleware/rateLimit';
import { parseOrThrow } from './validation';
import type { Config } from '../config';
import { STORABLE_TEXT_MESSAGE, storableText } from '../domain/text';
import { RateLimitedError, ValidationError, type FieldError } from './errors';
import { fieldError } from '../domain/fieldErrorText';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseDoc {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
}

export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  method: Method;
  /** Koa-style path relative to the router prefix, e.g. `/orders/:id`. */
  path: string;
  summary: string;
  tags: string[];
  /** Required scopes; omit for a public route. */
  scopes?: Scope[];
  body?: B;
  /** `csv` takes text/csv bodies as a string. */
  bodyKinds?: ('json' | 'csv')[];
  bodyLimit?: number;
  query?: Q;
  params?: P;
  /** An extra limit beyond the global per-key one (e.g. the drift check's 10 per minute); the window defaults to 60 s. */
  rateLimit?: { name: string; limit: number; windowSeconds?: number };
  /**
   * A budget drawn by the validated body's weight (a batch's rows), checked after validation, so
   * a batch counts once against the per-key request limit and its rows against this one.
   */
  weightedLimit?: { name: string; limit: number; windowSeconds?: number; weight: (body: z.output<B>) => number };
  headers?: Record<string, { description: string; required?: boolean }>;
  responses: Record<number, ResponseDoc>;
  handler: (ctx: Context, input: { body: z.output<B>; query: z.output<Q>; params: z.output<P> }) => Promise<void> | void;
}

export interface RouteDoc {
  method: Method;
  path: string;
  spec: RouteSpec<z.ZodType, z.ZodType, z.ZodType>;
}

export interface RouteContext {
  resolver: ApiKeyResolver;
  counter: RateCounter;
  bodyLimit: number;
  globalRateLimit: number;
  /** Per client address limits on keyless requests and failed authentications (defaults: 30 and 120 a minute). */
  addressGuard?: AddressGuard;
  /** Dashboard sign-in: routes then also accept a session cookie (absent: API keys only). */
  sessions?: SessionOptions;
}

/** Every route that starts a workflow draws on one hourly budget per key (WORKFLOW_STARTS_PER_HOUR). */
export const workflowStartLimit = (config: Pick<Config, 'WORKFLOW_STARTS_PER_HOUR'>) => ({
  name: 'workflow-starts',
  limit: config.WORKFLOW_STARTS_PER_HOUR,
  windowSeconds: 3600,
});

/**
 * Query and path values PostgreSQL cannot hold are refused at the door, for every route, before
 * any schema: the per-field schemas then only state what a value means (bodies get the same check
 * in bodyParser).
 */
const STORABLE = storableText();
const storable = (t: unknown) => typeof t !== 'string' || STORABLE.safeParse(t).success;

function assertStorable(values: Record<string, unknown>, where: 'query' | 'path'): void {
  const errors: FieldError[] = [];
  for (const [name, v] of Object.entries(values)) {
    if (!storable(name) || !(Array.isArray(v) ? v : [v]).every(storable)) {
      errors.push(fieldError(`${where}.${storable(name) ? name : '(name)'}`, 'not_storable_text', STORABLE_TEXT_MESSAGE));
    }
  }
  if (errors.length) throw new ValidationError(errors);
}

// Built once: zod compiles a fast path per schema instance on its first parse, so a schema made
// per request would be compiled per request (measured: a tenth of the API's CPU on /ml/predict).
const NO_PARAMS = z.object({});
const NO_QUERY = z.strictObject({});

/**
 * A router whose routes are declared once: the same schemas validate the request (the parsed
 * value replaces the raw one) and describe it in the OpenAPI document.
 */
export class ApiRouter {
  readonly router: Router;
  readonly docs: RouteDoc[] = [];
  private readonly guard: AddressGuard;

  constructor(
    private readonly rc: RouteContext,
    readonly prefix: string,
  ) {
    this.router = new Router({ prefix });
    this.guard = rc.addressGuard ?? new AddressGuard(rc.counter, { failuresPerMinute: 30, keylessPerMinute: 120 });
  }

  private async drawWeighted(ctx: Context, l: { name: string; limit: number; windowSeconds?: number }, weight: number): Promise<void> {
    const windowSeconds = l.windowSeconds ?? 60;
    const who = ctx.state.apiKey?.id ?? `ip:${ctx.ip}`;
    const { count, resetSeconds } = await this.rc.counter.hit(`${l.name}:${who}`, windowSeconds, weight);
    ctx.set(`RateLimit-${l.name}-Remaining`, String(Math.max(0, l.limit - count)));
    if (count > l.limit) throw new RateLimitedError(resetSeconds);
  }

  route<B extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodObject, P extends z.ZodType = z.ZodObject>(
    spec: RouteSpec<B, Q, P>,
  ): this {
    const chain: Middleware[] = [];
    const auth = { resolver: this.rc.resolver, guard: this.guard, sessions: this.rc.sessions };
    if (spec.scopes) {
      chain.push(requireApiKey({ ...auth, scopes: spec.scopes }));
      chain.push(rateLimit({ counter: this.rc.counter, name: 'global', limit: this.rc.globalRateLimit }));
    } else {
      // Public routes are limited per address, and may answer a valid key in more detail.
      chain.push(optionalApiKey(auth));
    }
    if (spec.rateLimit) chain.push(rateLimit({ counter: this.rc.counter, ...spec.rateLimit }));
    chain.push(bodyParser({ limit: spec.bodyLimit ?? this.rc.bodyLimit, kinds: spec.bodyKinds }));
    const paramsSchema = spec.params ?? NO_PARAMS;
    const querySchema = spec.query ?? NO_QUERY;
    chain.push(async (ctx) => {
      assertStorable(ctx.params, 'path');
      assertStorable(ctx.query, 'query');
      const params = parseOrThrow(paramsSchema, ctx.params, 'path') as z.output<P>;
      const query = parseOrThrow(querySchema, ctx.query, 'query') as z.output<Q>;
      const body = spec.body ? parseOrThrow(spec.body, ctx.request.body) : undefined;
      ctx.request.body = body;
      if (spec.weightedLimit) await this.drawWeighted(ctx, spec.weightedLimit, spec.weightedLimit.weight(body as z.output<B>));
      await spec.handler(ctx, { body: body as z.output<B>, query, params });
    });
    this.router[spec.method](spec.path, ...chain);
    this.docs.push({
      method: spec.method,
      path: this.prefix + spec.path,
      spec: spec as unknown as RouteSpec<z.ZodType, z.ZodType, z.ZodType>,
    });
    return this;
  }
}
