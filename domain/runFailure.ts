import { NON_RETRYABLE_TYPES, type DomainErrorType } from './errors';
import { msg, type ServerMessage } from './serverText';

/**
 * A failed stage or run, as a message the reader's dashboard words. A failure of ours (a domain
 * error an activity turned into an ApplicationFailure of that type, or a timeout we configured)
 * gets its own code; anything else keeps the raw English message as its detail. Pure: the
 * workflows call it, so it reads the failure chain by shape (`type`, `name`, `cause`), not by class.
 */
export const RUN_FAILURES = [...NON_RETRYABLE_TYPES, 'Conflict', 'Unavailable', 'LimitExceeded', 'Timeout'] as const satisfies readonly (
  DomainErrorType | 'Timeout'
)[];
export type RunFailure = (typeof RUN_FAILURES)[number];

interface FailureLike {
  message?: unknown;
  name?: unknown;
  type?: unknown;
  cause?: unknown;
}

/** The failure chain, outermost first (an ActivityFailure wraps the ApplicationFailure the activity threw). */
function chain(err: unknown): FailureLike[] {
  const out: FailureLike[] = [];
  let node: unknown = err;
  // Bounded: a cyclic cause must not hang a workflow task.
  while (node && typeof node === 'object' && out.length < 10) {
    out.push(node as FailureLike);
    node = (node as FailureLike).cause;
  }
  return out;
}

function known(f: FailureLike): RunFailure | null {
  if (typeof f.type === 'string' && (RUN_FAILURES as readonly string[]).includes(f.type)) return f.type as RunFailure;
  if (f.name === 'TimeoutFailure') return 'Timeout';
  return null;
}

/** The raw English of the innermost failure that says something ("Activity task failed" says little). */
function rawMessage(links: FailureLike[]): string {
  const texts = links.map((f) => (typeof f.message === 'string' ? f.message : '')).filter(Boolean);
  return texts[texts.length - 1] ?? 'unknown error';
}

export interface FailureText {
  message: ServerMessage;
  /** The raw English, kept beside a known failure's code for integrators. */
  detail: string;
}

export function failureText(err: unknown, where: 'stage' | 'run'): FailureText {
  const links = chain(err);
  const detail = rawMessage(links);
  const failure = links.map(known).find((k) => k !== null);
  if (failure) return { message: msg(where === 'stage' ? 'stageFailedKnown' : 'workflowFailedKnown', { failure }), detail };
  return { message: msg(where === 'stage' ? 'stageFailed' : 'workflowFailed', { error: detail }), detail };
}
