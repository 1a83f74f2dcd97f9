import { describe, expect, it } from 'vitest';
import { orderedStages, stageProgress, type Stage, type StageName } from '../../../../web/src/features/golden-path/golden-path.api';

const done = (name: StageName, status: Stage['status']): Stage => ({
  name,
  status,
  started_at: null,
  finished_at: null,
  duration_ms: 1,
  event_count: 1,
  message: '',
});

describe('golden path stages', () => {
  it('orders reported stages and fills the missing ones as pending', () => {
    const stages = orderedStages([done('prediction', 'running'), done('ingestion', 'complete')]);
    expect(stages.map((s) => `${s.name}:${s.status}`)).toEqual([
      'ingestion:complete',
      'processing:pending',
      'anomaly_detection:pending',
      'validation:pending',
      'prediction:running',
      'maintenance:pending',
      'human_decision:pending',
    ]);
  });

  it('counts complete, skipped and failed stages as finished', () => {
    expect(
      stageProgress([
        done('ingestion', 'complete'),
        done('processing', 'skipped'),
        done('validation', 'failed'),
        done('prediction', 'running'),
      ]),
    ).toBeCloseTo(3 / 7);
    expect(stageProgress([])).toBe(0);
  });
});
