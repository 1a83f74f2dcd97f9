import type { BenchStack } from './stack';

/** One part of the bench: it measures against the running stack and returns table rows and JSON. */
export interface BenchSection {
  name: string;
  /** Runs only when named in `--only` (a long one, such as the soak, stays out of a plain `npm run bench`). */
  onlyWhenNamed?: boolean;
  run(stack: BenchStack): Promise<{ rows: [string, string, string][]; json: unknown }>;
}
