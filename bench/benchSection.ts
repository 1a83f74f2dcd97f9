import type { BenchStack } from './stack';

/** One part of the bench: it measures against the running stack and returns table rows and JSON. */
export interface BenchSection {
  name: string;
  run(stack: BenchStack): Promise<{ rows: [string, string, string][]; json: unknown }>;
}
