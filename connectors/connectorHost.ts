import type postgres from 'postgres';
import { listEnabledConnectors, saveConnectorStatus, type ConnectorRow } from '../db/connectors';
import { connectorSecretsSchema, mqttConfigSchema, opcuaConfigSchema, type ConnectorDefinition } from '../domain/connectors';
import { ConnectorStats } from './connectorStats';
import type { RunningConnector, RuntimeOptions } from './connectorRuntime';
import { startMqttConnector } from './mqtt/mqttConnector';

/** A stored row as a definition the process can run, or the reason it cannot. */
export function toDefinition(row: ConnectorRow): ConnectorDefinition | { error: string } {
  const secrets = connectorSecretsSchema.safeParse(row.secrets);
  if (!secrets.success) return { error: 'stored secrets are invalid' };
  const common = { id: row.id, name: row.name, enabled: row.enabled, revision: row.revision, secrets: secrets.data };
  if (row.kind === 'mqtt') {
    const config = mqttConfigSchema.safeParse(row.config);
    return config.success ? { ...common, kind: 'mqtt', config: config.data } : { error: 'stored MQTT config is invalid' };
  }
  const config = opcuaConfigSchema.safeParse(row.config);
  return config.success ? { ...common, kind: 'opcua', config: config.data } : { error: 'stored OPC UA config is invalid' };
}

export type ConnectorStarter = (def: ConnectorDefinition, opts: RuntimeOptions, stats: ConnectorStats) => Promise<RunningConnector>;

const defaultStarter: ConnectorStarter = async (def, opts, stats) => {
  if (def.kind === 'mqtt') return startMqttConnector(def, opts, stats);
  // node-opcua takes seconds to load: only a process that runs an OPC UA connector pays for it.
  const { startOpcuaConnector } = await import('./opcua/opcuaConnector');
  return startOpcuaConnector(def, opts, stats);
};

/**
 * Runs every enabled connector and follows the connectors table: a new or re-enabled connector
 * starts, a disabled or deleted one stops, a changed one (its revision) restarts with the new
 * settings. Writes each connector's live status for the API.
 */
export class ConnectorHost {
  private readonly running = new Map<string, { conn: RunningConnector; stats: ConnectorStats }>();
  private pollTimer: NodeJS.Timeout | undefined;
  private statusTimer: NodeJS.Timeout | undefined;
  private syncing: Promise<void> | undefined;
  private stopped = false;
  lastSyncError: string | null = null;
  private statusWrites: Promise<void> = Promise.resolve();
  private periodicWaiting = false;

  constructor(
    private readonly opts: RuntimeOptions & { pollMs: number; statusMs: number; sql: postgres.Sql },
    private readonly start: ConnectorStarter = defaultStarter,
  ) {}

  async run(): Promise<void> {
    await this.sync();
    this.pollTimer = setInterval(() => void this.sync(), this.opts.pollMs);
    this.statusTimer = setInterval(() => void this.saveStatus(), this.opts.statusMs);
  }

  /** Every running connector's flow and stats, for /health and /metrics. */
  snapshot() {
    return [...this.running.values()].map(({ conn, stats }) => ({ ...stats.snapshot(conn.flow()), insertedTotal: stats.insertedTotal }));
  }

  sync(): Promise<void> {
    this.syncing ??= this.syncOnce().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async syncOnce(): Promise<void> {
    if (this.stopped) return;
    let rows: ConnectorRow[];
    try {
      rows = await listEnabledConnectors(this.opts.sql);
      this.lastSyncError = null;
    } catch (err) {
      // The database is down: keep running what runs (its pipeline waits and pauses on its own).
      this.lastSyncError = (err as Error).message;
      return;
    }
    const wanted = new Map(rows.map((r) => [r.id, r]));
    for (const [id, { conn, stats }] of this.running) {
      const row = wanted.get(id);
      if (!row || row.revision !== conn.revision) {
        this.running.delete(id);
        await conn.stop();
        // The last word on a stopped connector, so the API does not show it connected: queued
        // behind a periodic write that may hold a snapshot taken while it still ran.
        await this.queueStatusWrite(() => saveConnectorStatus(stats.snapshot(conn.flow()), this.opts.sql));
        this.opts.logger.info({ connector: id }, row ? 'connector changed: restarting' : 'connector stopped');
      }
    }
    for (const row of rows) {
      if (this.running.has(row.id) || this.stopped) continue;
      const stats = new ConnectorStats(row.id);
      const def = toDefinition(row);
      if ('error' in def) {
        stats.error(def.error);
        await saveConnectorStatus(stats.snapshot({ buffered: 0, paused: false }), this.opts.sql).catch(() => undefined);
        continue;
      }
      try {
        this.running.set(row.id, { conn: await this.start(def, this.opts, stats), stats });
        this.opts.logger.info({ connector: row.id, name: row.name, kind: row.kind }, 'connector started');
      } catch (err) {
        stats.error((err as Error).message);
        await saveConnectorStatus(stats.snapshot({ buffered: 0, paused: false }), this.opts.sql).catch(() => undefined);
      }
    }
  }

  private saveStatus(): Promise<void> {
    // While the database is slow, ticks do not pile up: one waiting pass writes the newest state.
    if (this.periodicWaiting) return this.statusWrites;
    this.periodicWaiting = true;
    return this.queueStatusWrite(async () => {
      this.periodicWaiting = false;
      // A connector stopped meanwhile has left the map, so it is not written here again.
      for (const { conn, stats } of this.running.values()) {
        await saveConnectorStatus(stats.snapshot(conn.flow()), this.opts.sql).catch(() => undefined);
      }
    });
  }

  /**
   * Status writes run one at a time, in the order they were asked for, so a stale snapshot can
   * never land after a newer one. Best effort: while the database is down the process's own
   * /health tells the story.
   */
  private queueStatusWrite(write: () => Promise<void>): Promise<void> {
    this.statusWrites = this.statusWrites.then(write).catch(() => undefined);
    return this.statusWrites;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearInterval(this.statusTimer);
    await this.syncing;
    await Promise.all([...this.running.values()].map(({ conn }) => conn.stop()));
    await this.saveStatus();
    this.running.clear();
  }
}
