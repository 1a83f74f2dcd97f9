/**
 * V8 flags the worker process is started with (by `npm start`, the bench, the tests,
 * docker-compose and the Kubernetes manifest; a test checks the copies).
 *
 * `--no-memory-reducer`: when a process's allocation rate drops, V8's memory reducer runs full
 * collections to give memory back. The worker's heap is large (webpack bundling at start-up, the
 * bundled workflow code), and 30-40 s after start, once it sat idle, that collection took 60-70 ms
 * on both cores. On a 2-core machine the API and PostgreSQL then had no CPU, which showed in the
 * bench as one burst of 30-80 ms API answers per run. Without the reducer the heap is still
 * collected whenever allocation needs it; an idle worker just keeps the memory it has.
 */
export const WORKER_NODE_FLAGS: readonly string[] = ['--no-memory-reducer'];
