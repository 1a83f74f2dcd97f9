import type { ConnectorStatusUpdate } from '../db/connectors';

/** What the mapping editor previews: a message as received and what it became. */
export interface MessagePreview {
  at: string;
  source: string;
  payload: string;
  readings: { sensorId: string; value: number; ts: string }[];
  error?: string;
}

const RECENT = 20;
const PAYLOAD_PREVIEW_CHARS = 300;

/** Printable payloads as text, binary ones (Sparkplug protobuf) as hex, both cut short. */
export function previewPayload(payload: Buffer): string {
  const text = payload.toString('utf8');
  const printable = !/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text);
  const shown = printable ? text : payload.toString('hex');
  return shown.length > PAYLOAD_PREVIEW_CHARS ? `${shown.slice(0, PAYLOAD_PREVIEW_CHARS)}…` : shown;
}

/** One connector's counters, rate, last error and recent messages, as the heartbeat stores them. */
export class ConnectorStats {
  connected = false;
  messagesTotal = 0;
  rejectedTotal = 0;
  insertedTotal = 0;
  duplicatesTotal = 0;
  /**
   * Values the source reported it could not deliver (an OPC UA queue overflow mark, a notification
   * message Republish could no longer return, Sparkplug messages a sequence gap skipped), or that were buffered here when the connector
   * stopped with no way to have them sent again. A lower bound: one overflow mark stands for at
   * least one discarded value.
   */
  lostTotal = 0;
  lastMessageAt: Date | null = null;
  lastError: string | null = null;
  lastErrorAt: Date | null = null;
  private recent: MessagePreview[] = [];
  private rateBase = { at: Date.now(), total: 0 };
  private rate = 0;

  constructor(readonly connectorId: string) {}

  received(preview: MessagePreview): void {
    this.lastMessageAt = new Date();
    this.recent.push(preview);
    if (this.recent.length > RECENT) this.recent.shift();
    if (preview.error) this.rejectedTotal++;
  }

  committed(r: { messages: number; inserted: number; duplicates: number }): void {
    this.messagesTotal += r.messages;
    this.insertedTotal += r.inserted;
    this.duplicatesTotal += r.duplicates;
  }

  lost(n: number, reason: string): void {
    this.lostTotal += n;
    this.error(reason);
  }

  error(message: string): void {
    this.lastError = message;
    this.lastErrorAt = new Date();
  }

  /** Messages committed per second since the previous snapshot. */
  private sampleRate(): number {
    const now = Date.now();
    const elapsed = (now - this.rateBase.at) / 1000;
    if (elapsed >= 0.5) {
      this.rate = (this.messagesTotal - this.rateBase.total) / elapsed;
      this.rateBase = { at: now, total: this.messagesTotal };
    }
    return this.rate;
  }

  snapshot(flow: { buffered: number; paused: boolean }): ConnectorStatusUpdate {
    return {
      connectorId: this.connectorId,
      connected: this.connected,
      buffered: flow.buffered,
      paused: flow.paused,
      messagesTotal: this.messagesTotal,
      rejectedTotal: this.rejectedTotal,
      lostTotal: this.lostTotal,
      messagesPerS: Math.round(this.sampleRate() * 10) / 10,
      lastMessageAt: this.lastMessageAt,
      lastError: this.lastError,
      lastErrorAt: this.lastErrorAt,
      recent: [...this.recent],
    };
  }
}
