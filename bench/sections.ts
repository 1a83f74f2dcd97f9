import type { BenchStack } from './stack';
import { predictionSection } from './prediction';
import { workflowSection } from './workflows';
import { schedulingSection } from './schedulingSection';

export interface BenchSection {
  name: string;
  run(stack: BenchStack): Promise<{ rows: [string, string, string][]; json: unknown }>;
}

/** Sections after ingestion, in order; each measures one claim of SPEC section 11. */
export const benchSections: BenchSection[] = [predictionSection, workflowSection, schedulingSection];
