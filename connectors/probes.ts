import { randomUUID } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import * as mqttPacket from 'mqtt-packet';
import type { ConnectorDefinition, MqttConfig } from '../domain/connectors';

/** The answer of "test connection": reachable or not, how fast, and what the server said. */
export interface ProbeResult {
  ok: boolean;
  latency_ms: number;
  error: string | null;
  /** OPC UA: the Objects folder's children (node id and name), to help write the mapping. */
  browse?: { nodeId: string; name: string }[];
}

const PROBE_TIMEOUT_MS = 5000;

/**
 * Connects once with a throw-away clean session (never the connector's own client id, which would
 * take over its persistent session and kick the running connector off the broker), waits for the
 * CONNACK and leaves. Socket errors (ECONNREFUSED, a TLS failure) and refusal codes (bad user name
 * or password, not authorised) come back as they are.
 */
async function probeMqtt(config: MqttConfig, password: string | undefined): Promise<ProbeResult> {
  const started = performance.now();
  const url = new URL(config.url);
  const port = Number(url.port || (url.protocol === 'mqtts:' ? 8883 : 1883));
  const socket =
    url.protocol === 'mqtts:'
      ? tls.connect({ host: url.hostname, port, servername: url.hostname })
      : net.connect({ host: url.hostname, port });
  const opts = { protocolVersion: 5 as const };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
      const done = (err?: Error) => (clearTimeout(timer), err ? reject(err) : resolve());
      const parser = mqttPacket.parser(opts);
      parser.on('packet', (packet: mqttPacket.Packet) => {
        if (packet.cmd !== 'connack') return;
        const code = packet.reasonCode ?? packet.returnCode ?? 0;
        done(code === 0 ? undefined : new Error(`broker refused the connection: ${REFUSALS[code] ?? `reason code ${code}`}`));
      });
      parser.on('error', (err) => done(err));
      socket.on('data', (d: Buffer) => parser.parse(d));
      socket.once(url.protocol === 'mqtts:' ? 'secureConnect' : 'connect', () =>
        socket.write(
          mqttPacket.generate(
            {
              cmd: 'connect',
              protocolId: 'MQTT',
              protocolVersion: 5,
              clientId: `sm-probe-${randomUUID().slice(0, 8)}`,
              clean: true,
              keepalive: 10,
              username: config.username,
              password: password !== undefined ? Buffer.from(password) : undefined,
            },
            opts,
          ),
        ),
      );
      socket.once('error', (err) => done(err));
      socket.once('close', () => done(new Error('connection closed by the broker')));
    });
    return { ok: true, latency_ms: Math.round(performance.now() - started), error: null };
  } catch (err) {
    return { ok: false, latency_ms: Math.round(performance.now() - started), error: (err as Error).message };
  } finally {
    socket.destroy();
  }
}

/** MQTT 5 CONNACK reason codes a probe is likely to meet. */
const REFUSALS: Record<number, string> = {
  0x84: 'unsupported protocol version',
  0x85: 'client identifier not valid',
  0x86: 'bad user name or password',
  0x87: 'not authorised',
  0x88: 'server unavailable',
  0x89: 'server busy',
  0x8a: 'banned',
};

export type Prober = (def: Pick<ConnectorDefinition, 'kind' | 'config' | 'secrets'>) => Promise<ProbeResult>;

export const probeConnector: Prober = async (def) => {
  if (def.kind === 'mqtt') return probeMqtt(def.config as MqttConfig, def.secrets.password);
  const { probeOpcua } = await import('./opcua/opcuaProbe');
  return probeOpcua(def.config as Extract<ConnectorDefinition, { kind: 'opcua' }>['config'], def.config.username, def.secrets.password);
};
