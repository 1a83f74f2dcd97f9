import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { InferenceSession } from 'onnxruntime-node';
import { ModelUnavailableError } from './errors';

/**
 * ONNX Runtime sessions, created lazily on first use and then shared by every caller in the
 * process: creating one costs from tens of milliseconds to about a second, running one costs
 * microseconds. Keyed by artifact path; concurrent first callers await the same promise.
 */
/**
 * One thread per session, no spinning. ONNX Runtime's default intra-op pool (one thread per core,
 * spin-waiting between runs) made a single-row prediction cost about 2 ms of CPU in the API under
 * load instead of about 0.1 ms: the pool threads spun on the cores that PostgreSQL, Redis and the
 * event loop need, and the event loop waited on descheduled pool threads. Our models are small
 * tree ensembles; concurrency comes from the processes and requests, not from splitting one run.
 */
const SESSION_OPTIONS: InferenceSession.SessionOptions = {
  executionProviders: ['cpu'],
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'all',
  extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
};

const sessions = new Map<string, { sha256: string; session: Promise<InferenceSession> }>();

async function createSession(file: string, expectedSha256: string): Promise<InferenceSession> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new ModelUnavailableError(`Cannot read model artifact ${file}: ${(error as Error).message}`, 'artifact_missing');
  }
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== expectedSha256) {
    // A retrained artifact without its manifest (or the reverse) would serve unvetted numbers.
    throw new ModelUnavailableError(
      `Model artifact ${file} has sha256 ${actual}, the manifest says ${expectedSha256}`,
      'hash_mismatch',
    );
  }
  try {
    return await InferenceSession.create(bytes, SESSION_OPTIONS);
  } catch (error) {
    throw new ModelUnavailableError(`ONNX Runtime cannot load ${file}: ${(error as Error).message}`, 'load_failed');
  }
}

/** The process's session for `file`, verified against `expectedSha256` when first loaded. */
export function getSession(file: string, expectedSha256: string): Promise<InferenceSession> {
  const cached = sessions.get(file);
  if (cached && cached.sha256 === expectedSha256) return cached.session;
  const session = createSession(file, expectedSha256);
  sessions.set(file, { sha256: expectedSha256, session });
  // Forget failures so a restored artifact is picked up without a restart.
  session.catch(() => {
    if (sessions.get(file)?.session === session) sessions.delete(file);
  });
  return session;
}

/** Sessions this process holds or is creating (the worker's sm_worker_onnx_sessions gauge). */
export function sessionCount(): number {
  return sessions.size;
}

/** Releases every session (graceful shutdown, tests). */
export async function releaseAllSessions(): Promise<void> {
  const pending = [...sessions.values()];
  sessions.clear();
  await Promise.all(
    pending.map(async ({ session }) => {
      try {
        await (await session).release();
      } catch {
        // A session that never loaded has nothing to release.
      }
    }),
  );
}
