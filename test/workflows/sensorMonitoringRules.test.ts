import { describe, expect, it } from 'vitest';
import {
  forEachBounded,
  incidentReasons,
  incidentSubject,
  incidentWorkflowId,
  monitoringSettings,
  MONITORING_DEFAULTS,
} from '../../workflows/sensorMonitoringRules';

describe('incidentWorkflowId', () => {
  it('names the sensor and the UTC hour, so runs within one hour share the id', () => {
    expect(incidentWorkflowId('press-7', new Date('2025-03-09T23:00:00.000Z'))).toBe('incident-press-7-2025030923');
    expect(incidentWorkflowId('press-7', new Date('2025-03-09T23:59:59.999Z'))).toBe('incident-press-7-2025030923');
  });

  it('changes with the next hour and ignores the local time zone offset of the input', () => {
    expect(incidentWorkflowId('press-7', new Date('2025-03-10T00:00:00.000Z'))).toBe('incident-press-7-2025031000');
    expect(incidentWorkflowId('press-7', new Date('2025-03-10T02:30:00+02:00'))).toBe('incident-press-7-2025031000');
  });
});

describe('incidentReasons', () => {
  it('lists drift and an anomaly burst at or above the threshold, in that order', () => {
    expect(incidentReasons(true, 5, 5)).toEqual(['drift', 'anomaly_burst']);
    expect(incidentReasons(false, 5, 5)).toEqual(['anomaly_burst']);
    expect(incidentReasons(true, 4, 5)).toEqual(['drift']);
    expect(incidentReasons(false, 4, 5)).toEqual([]);
  });
});

describe('incidentSubject', () => {
  it('says which sensor and why, in the English integrators receive and as a code the dashboard translates', () => {
    const both = incidentSubject({ sensorId: 'm-1', reasons: ['drift', 'anomaly_burst'], recentAnomalies: 9, burstWindowMinutes: 60 });
    expect(both.subject).toBe('Incident on m-1: distribution drift and 9 anomalies in 60 min');
    expect(both.message).toEqual({ code: 'notificationIncidentDriftAndBurst', params: { sensor: 'm-1', count: 9, minutes: 60 } });
    const drift = incidentSubject({ sensorId: 'm-1', reasons: ['drift'], recentAnomalies: 2, burstWindowMinutes: 60 });
    expect(drift).toEqual({
      subject: 'Incident on m-1: distribution drift',
      message: { code: 'notificationIncidentDrift', params: { sensor: 'm-1' } },
    });
    const burst = incidentSubject({ sensorId: 'm-1', reasons: ['anomaly_burst'], recentAnomalies: 7, burstWindowMinutes: 30 });
    expect(burst.subject).toBe('Incident on m-1: 7 anomalies in 30 min');
    expect(burst.message.code).toBe('notificationIncidentBurst');
  });
});

describe('monitoringSettings', () => {
  it('fills what is not given with the defaults and keeps what is', () => {
    expect(monitoringSettings({})).toEqual(MONITORING_DEFAULTS);
    expect(monitoringSettings({ burstThreshold: 3, windowMinutes: undefined })).toEqual({ ...MONITORING_DEFAULTS, burstThreshold: 3 });
  });
});

describe('forEachBounded', () => {
  it('visits every item once with no more than the limit in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const seen: number[] = [];
    await forEachBounded([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5 * (n % 3)));
      seen.push(n);
      inFlight -= 1;
    });
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBe(3);
  });

  it('runs one lane for a non-finite limit and nothing for no items', async () => {
    let peak = 0;
    let inFlight = 0;
    const fn = async () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight -= 1;
    };
    await forEachBounded([1, 2, 3], Number.NaN, fn);
    expect(peak).toBe(1);
    let calls = 0;
    await forEachBounded([], 4, async () => void calls++);
    expect(calls).toBe(0);
  });
});
