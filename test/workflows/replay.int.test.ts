import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { replayHistories } from '../../temporal/replay';

const dir = path.join(__dirname, 'histories');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('committed workflow histories', () => {
  it('exist for every workflow and path the suite promises', () => {
    const names = files.map((f) => f.replace(/\.json$/, ''));
    for (const wanted of [
      'csvIngestion-completed',
      'csvIngestion-scored',
      'predictionToMaintenance-approved',
      'predictionToMaintenance-rejected',
      'predictionToMaintenance-timeout',
      'goldenPath-approved',
      'goldenPath-rejected',
      'goldenPath-timeout',
      'sensorMonitoring-incidents',
      'sensorIncident-opened',
      'explainPrediction-computed',
      'reportGeneration-completed',
      'alarmLifecycle-escalated-resolved',
      'alarmLifecycle-auto-resolved',
      'shadowEvaluation-completed',
      'shadowEvaluation-rul-completed',
      'modelPromotion-approved',
    ]) {
      expect(names).toContain(wanted);
    }
  });

  it.each(files)('%s replays against the current workflow code without non-determinism', async (file) => {
    const history = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    const [outcome] = await replayHistories([{ workflowId: file, history }], { codePath: inject('workflowBundlePath') });
    expect(outcome).toEqual({ workflowId: file, ok: true, error: undefined });
  });
});
