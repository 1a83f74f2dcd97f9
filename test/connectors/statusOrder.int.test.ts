import { createLogger } from '../../observability/logger';
import type postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { getConnectorStatus, setConnectorEnabled } from '../../db/connectors';
import { ConnectorHost, type ConnectorStarter } from '../../connectors/connectorHost';
import { createConnector, runTag, testSql } from './harness';

const sql = testSql();
afterAll(() => sql.end());

/**
 * A pool whose first connector_status write waits for `release`, as a slow database would hold
 * it, while every other query goes through at once.
 */
function holdFirstStatusWrite(real: postgres.Sql) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let held = false;
  const tag = (strings: TemplateStringsArray, ...values: unknown[]) => {
    if (!held && strings[0]!.includes('insert into connector_status')) {
      held = true;
      return released.then(() => real(strings, ...(values as never[])));
    }
    return real(strings, ...(values as never[]));
  };
  return { sql: Object.assign(tag, { json: real.json.bind(real) }) as unknown as postgres.Sql, release };
}

describe('connector status writes', () => {
  it('a periodic write held by the database cannot land after the stop and show a disabled connector connected', async () => {
    const row = await createConnector(sql, {
      name: `order-${runTag()}`,
      kind: 'mqtt',
      config: { url: 'mqtt://127.0.0.1:1', topics: ['order/#'] },
    });
    const starter: ConnectorStarter = async (def, _opts, stats) => {
      stats.connected = true;
      return {
        id: def.id,
        revision: def.revision,
        flow: () => ({ buffered: 0, paused: false }),
        stop: async () => {
          stats.connected = false;
        },
      };
    };
    const gate = holdFirstStatusWrite(sql);
    const logger = createLogger('test-connectors', 'silent');
    const opts = { sql: gate.sql, logger, maxBuffered: 10, batchSize: 10, lingerMs: 10, maxFutureSkewSeconds: 300 };
    // Timers far away: the test drives every sync and status write itself.
    const host = new ConnectorHost({ ...opts, pollMs: 3_600_000, statusMs: 3_600_000 }, starter);
    await host.run();
    try {
      // The periodic write takes its snapshot (connected) and is held.
      const periodic = (host as unknown as { saveStatus(): Promise<void> }).saveStatus();
      await setConnectorEnabled(row.id, false, sql);
      const stopping = host.sync();
      await new Promise((r) => setTimeout(r, 200));
      gate.release();
      await Promise.all([periodic, stopping]);
      expect((await getConnectorStatus(row.id, sql))?.connected).toBe(false);
    } finally {
      await host.stop();
    }
  });
});
