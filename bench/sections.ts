import type { BenchSection } from './benchSection';
import { predictionSection } from './prediction';
import { predictBatchSection } from './predictBatch';
import { rulSection } from './rul';
import { workflowSection } from './workflows';
import { schedulingSection } from './schedulingSection';

/** Sections after ingestion, in order; each measures one claim of SPEC section 11. */
export const benchSections: BenchSection[] = [predictionSection, predictBatchSection, rulSection, workflowSection, schedulingSection];
