import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNabFile, readLabels } from '../../models/evaluation/nabCorpus';
import { detectionsAt, runEvidence } from '../../models/evaluation/nabEvaluation';
import { NAB_PROFILES, buildRowTable, scoreDetections, type FileScore } from '../../models/evaluation/nabScorer';
import { DEFAULT_CONFIG } from '../../stats/streaming/anomalyDetector';

interface Results {
  config: unknown;
  standard: { threshold: number };
  perFile: Record<string, FileScore>;
}

const results = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../models/evaluation/nab_results.json'), 'utf8')) as Results;

/** Three short files (1,127–1,538 rows) from three groups; the whole corpus runs in `npm run eval:anomaly`. */
const FILES = [
  'realTraffic/speed_7578.csv',
  'realAWSCloudwatch/iio_us-east-1_i-a2eb1cd9_NetworkIn.csv',
  'realAdExchange/exchange-3_cpc_results.csv',
];

describe('default streaming detector on NAB (regression)', () => {
  it('was evaluated with the current default configuration', () => {
    expect(results.config).toEqual(JSON.parse(JSON.stringify(DEFAULT_CONFIG)));
    expect(results.standard.threshold).toBe(DEFAULT_CONFIG.threshold);
  });

  it.each(FILES)('scores %s exactly as the evaluation recorded', (name) => {
    const file = loadNabFile(name, readLabels());
    const detections = detectionsAt(runEvidence(file, DEFAULT_CONFIG), DEFAULT_CONFIG.threshold, DEFAULT_CONFIG.restPeriod);
    const score = scoreDetections(buildRowTable(file), detections, NAB_PROFILES.standard);
    const recorded = results.perFile[name];
    expect(score.tp).toBe(recorded.tp);
    expect(score.fp).toBe(recorded.fp);
    expect(score.raw).toBeCloseTo(recorded.raw, 10);
  });
});
