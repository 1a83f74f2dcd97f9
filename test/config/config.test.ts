import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../config';

describe('parseConfig', () => {
  it('gives every field its default from an empty environment', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({
      API_PORT: 8000,
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      DECISION_TIMEOUT_POLICY: 'escalate',
      DISABLE_MODEL_LOADING: false,
      DRIFT_RATE_LIMIT_PER_MINUTE: 10,
      API_PRELOAD_MODELS: [],
      WORKER_PRELOAD_MODELS: [],
      WORKER_MAX_CACHED_WORKFLOWS: 250,
      WORKER_WORKFLOW_THREADS: 1,
      WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: 40,
      WORKER_MAX_CONCURRENT_ACTIVITIES: 100,
    });
  });

  it('fails fast naming each bad variable', () => {
    expect(() => parseConfig({ API_PORT: 'eighty', DATABASE_URL: 'not a url', DECISION_TIMEOUT_POLICY: 'shrug' })).toThrow(ConfigError);
    try {
      parseConfig({ API_PORT: 'eighty', DATABASE_URL: 'not a url' });
    } catch (err) {
      expect((err as Error).message).toMatch(/API_PORT/);
      expect((err as Error).message).toMatch(/DATABASE_URL/);
    }
  });

  it('refuses worker limits the SDK would silently raise or reject', () => {
    // One workflow task slot with a cache is raised to 2 by the SDK; zero threads cannot run workflows.
    expect(() => parseConfig({ WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '1' })).toThrow(/WORKER_MAX_CONCURRENT_WORKFLOW_TASKS/);
    expect(() => parseConfig({ WORKER_WORKFLOW_THREADS: '0' })).toThrow(/WORKER_WORKFLOW_THREADS/);
    expect(() => parseConfig({ WORKER_MAX_CONCURRENT_ACTIVITIES: '0' })).toThrow(/WORKER_MAX_CONCURRENT_ACTIVITIES/);
    expect(parseConfig({ WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '8', WORKER_MAX_CONCURRENT_ACTIVITIES: '16' })).toMatchObject({
      WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: 8,
      WORKER_MAX_CONCURRENT_ACTIVITIES: 16,
    });
  });

  it('treats empty values as unset and parses booleans and lists', () => {
    const c = parseConfig({ API_PORT: '', DISABLE_MODEL_LOADING: 'true', CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(c.API_PORT).toBe(8000);
    expect(c.DISABLE_MODEL_LOADING).toBe(true);
    expect(c.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
  });
});
