/**
 * V8 flags the API process is started with (by `npm start`, the bench, the tests, the Dockerfile,
 * docker-compose and the Kubernetes manifest; a test checks the copies).
 *
 * A 2 MB young generation instead of V8's default 16 MB: an API request's objects die within
 * milliseconds, but what is alive at a scavenge is copied, and with a large young generation more
 * of it is. Measured with the single-ingest bench at 640 req/s, each scavenge paused the event loop
 * 5-8 ms (up to 36 ms) with the default and 1.3-2.3 ms with 2 MB, for about twice the total GC
 * time (45 instead of 22 ms per second). Every request that arrives during a pause waits it out,
 * so the tail latency follows the longest pause, not the total.
 */
export const API_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2'];
