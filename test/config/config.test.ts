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

  it('treats empty values as unset and parses booleans and lists', () => {
    const c = parseConfig({ API_PORT: '', DISABLE_MODEL_LOADING: 'true', CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(c.API_PORT).toBe(8000);
    expect(c.DISABLE_MODEL_LOADING).toBe(true);
    expect(c.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
  });
});
