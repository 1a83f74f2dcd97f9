import { describe, expect, it } from 'vitest';
import { parsePrometheus, sumBy, total, totalMatching } from '../../../../web/src/features/metrics/prometheus';
import { meanDurations, rates, snapshotOf } from '../../../../web/src/features/metrics/metrics.store';

const text = `# HELP sm_http_requests_total Requests
# TYPE sm_http_requests_total counter
sm_http_requests_total{method="GET",route="/api/v1/sensors/readings",status="200"} 12
sm_http_requests_total{method="POST",route="/api/v1/data/ingest",status="200"} 5
sm_http_requests_total{method="POST",route="/api/v1/data/ingest",status="422"} 2
sm_http_request_duration_seconds_sum{method="GET",route="/x",status="200"} 0.5
sm_http_request_duration_seconds_count{method="GET",route="/x",status="200"} 10
sm_readings_ingested_total{path="single"} 7
sm_workflows_started_total{type="goldenPath"} 3
weird_label{msg="a \\"quoted\\" value, with comma"} 1 1700000000000
process_up +Inf
`;

describe('parsePrometheus', () => {
  const samples = parsePrometheus(text);

  it('reads names, labels and values and skips comments', () => {
    expect(samples).toHaveLength(9);
    expect(samples[1]).toEqual({
      name: 'sm_http_requests_total',
      labels: { method: 'POST', route: '/api/v1/data/ingest', status: '200' },
      value: 5,
    });
  });

  it('unescapes quoted label values and ignores the timestamp', () => {
    expect(samples[7]).toEqual({ name: 'weird_label', labels: { msg: 'a "quoted" value, with comma' }, value: 1 });
    expect(samples[8]?.value).toBe(Infinity);
  });

  it('sums by label and in total', () => {
    expect([...sumBy(samples, 'sm_http_requests_total', 'route')]).toEqual([
      ['/api/v1/sensors/readings', 12],
      ['/api/v1/data/ingest', 7],
    ]);
    expect(total(samples, 'sm_readings_ingested_total')).toBe(7);
    expect(total(samples, 'absent_total')).toBeUndefined();
    expect(totalMatching(samples, 'workflow')).toBe(3);
  });
});

describe('metrics rates', () => {
  it('derives per-second rates and mean durations between scrapes and skips counter resets', () => {
    const a = snapshotOf(
      parsePrometheus('sm_http_requests_total 10\nsm_http_request_duration_seconds_sum 1\nsm_http_request_duration_seconds_count 10'),
      0,
    );
    const b = snapshotOf(
      parsePrometheus('sm_http_requests_total 30\nsm_http_request_duration_seconds_sum 2\nsm_http_request_duration_seconds_count 20'),
      5000,
    );
    const c = snapshotOf(parsePrometheus('sm_http_requests_total 2'), 10000);
    expect(rates([a, b, c], 'requests')).toEqual([{ x: 5000, y: 4 }]);
    expect(meanDurations([a, b])).toEqual([{ x: 5000, y: 100 }]);
  });
});
