import type { BenchSection } from './benchSection';
import { predictionSection } from './prediction';
import { predictBatchSection } from './predictBatch';
import { rulSection } from './rul';
import { workflowSection } from './workflows';
import { schedulingSection } from './schedulingSection';
import { scaleSection } from './scale';
import { assetsSection } from './assets';
import { mqttIngestSection } from './mqttIngest';
import { shadowEvaluationSection } from './shadowEvaluation';
import { alarmSection } from './alarms';
import { soakSection } from './soak';

/** Sections after ingestion, in order; each measures one claim of SPEC section 11. */
export const benchSections: BenchSection[] = [
  predictionSection,
  predictBatchSection,
  rulSection,
  workflowSection,
  schedulingSection,
  scaleSection,
  assetsSection,
  mqttIngestSection,
  shadowEvaluationSection,
  alarmSection,
  // Only with --only=soak: it runs for minutes.
  soakSection,
];
