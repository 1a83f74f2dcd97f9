import net from 'node:net';
import tls from 'node:tls';
import * as mqttPacket from 'mqtt-packet';

/**
 * A small MQTT 5 subscriber that acknowledges a QoS 1 message only when told to.
 *
 * Why not mqtt.js: its `customHandleAcks` (and `handleMessage`) hold the client's packet loop until
 * the ack callback runs, so a message cannot be acknowledged after a database commit without
 * stalling every message behind it: one message per commit. Here the packets are parsed with
 * mqtt-packet (the codec mqtt.js itself uses) and PUBACKs are written whenever the caller commits,
 * in the order the messages arrived, so thousands can be in flight, bounded by the Receive Maximum
 * the session advertises (the broker never sends more unacknowledged messages than that).
 */

export interface InboundMessage {
  topic: string;
  payload: Buffer;
  qos: 0 | 1 | 2;
  /** Set on a redelivery by the broker. */
  dup: boolean;
  messageId?: number;
  /** Which connection delivered it: an ack on a later connection would name someone else's packet id. */
  generation: number;
}

export interface MqttSessionOptions {
  url: string;
  clientId: string;
  username?: string;
  password?: string;
  topics: string[];
  /** Unacknowledged QoS 1 messages the broker may send before waiting for acks. */
  receiveMaximum: number;
  sessionExpirySeconds: number;
  keepaliveSeconds?: number;
  /** First reconnect delay; doubles up to maxBackoffMs. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  onMessage(msg: InboundMessage): void;
  onStateChange?(state: { connected: boolean; error?: string; sessionPresent?: boolean }): void;
}

const PROTOCOL = { protocolVersion: 5 as const };

export class MqttSession {
  private socket: net.Socket | undefined;
  private generation = 0;
  private stopped = false;
  private pausedByCaller = false;
  private connected = false;
  private backoffMs: number;
  private retryTimer: NodeJS.Timeout | undefined;
  private pingTimer: NodeJS.Timeout | undefined;
  private awaitingPong = false;

  constructor(private readonly opts: MqttSessionOptions) {
    this.backoffMs = opts.initialBackoffMs ?? 250;
  }

  get isConnected(): boolean {
    return this.connected;
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  /** Acknowledges a committed message; a no-op for QoS 0 or when its connection is gone (the broker redelivers it). */
  ack(msg: InboundMessage): boolean {
    if (msg.qos === 0 || msg.messageId === undefined) return true;
    if (msg.generation !== this.generation || !this.connected || !this.socket) return false;
    const cmd = msg.qos === 1 ? 'puback' : 'pubrec';
    this.socket.write(mqttPacket.generate({ cmd, messageId: msg.messageId, reasonCode: 0 } as mqttPacket.Packet, PROTOCOL));
    return true;
  }

  /** Publishes at QoS 0 (a Sparkplug rebirth request); dropped when not connected. */
  publish(topic: string, payload: Buffer): void {
    if (!this.connected || !this.socket) return;
    this.socket.write(mqttPacket.generate({ cmd: 'publish', topic, payload, qos: 0, dup: false, retain: false }, PROTOCOL));
  }

  /** Stops reading from the broker (TCP back-pressure on top of the Receive Maximum). */
  pause(): void {
    this.pausedByCaller = true;
    this.socket?.pause();
  }

  resume(): void {
    this.pausedByCaller = false;
    this.socket?.resume();
  }

  /** Disconnects, leaving the session (and every unacknowledged message) with the broker. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    const socket = this.socket;
    if (!socket || socket.destroyed) return;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      if (this.connected) socket.end(mqttPacket.generate({ cmd: 'disconnect', reasonCode: 0 } as mqttPacket.Packet, PROTOCOL));
      else socket.destroy();
      setTimeout(() => socket.destroy(), 1000).unref();
    });
  }

  private connect(): void {
    if (this.stopped) return;
    const generation = ++this.generation;
    const url = new URL(this.opts.url);
    const port = Number(url.port || (url.protocol === 'mqtts:' ? 8883 : 1883));
    const socket =
      url.protocol === 'mqtts:'
        ? tls.connect({ host: url.hostname, port, servername: url.hostname })
        : net.connect({ host: url.hostname, port });
    this.socket = socket;
    socket.setNoDelay(true);
    if (this.pausedByCaller) socket.pause();
    const parser = mqttPacket.parser(PROTOCOL);
    const keepalive = this.opts.keepaliveSeconds ?? 30;

    socket.once(url.protocol === 'mqtts:' ? 'secureConnect' : 'connect', () => {
      socket.write(
        mqttPacket.generate(
          {
            cmd: 'connect',
            protocolId: 'MQTT',
            protocolVersion: 5,
            clientId: this.opts.clientId,
            // A persistent session: the broker keeps the subscription and queues messages while
            // this connector is away, and redelivers the unacknowledged ones on reconnect.
            clean: false,
            keepalive,
            username: this.opts.username,
            password: this.opts.password !== undefined ? Buffer.from(this.opts.password) : undefined,
            properties: { sessionExpiryInterval: this.opts.sessionExpirySeconds, receiveMaximum: this.opts.receiveMaximum },
          },
          PROTOCOL,
        ),
      );
    });
    socket.on('data', (chunk: Buffer) => parser.parse(chunk));
    parser.on('error', (err) => this.fail(socket, `protocol error: ${err.message}`));
    parser.on('packet', (packet: mqttPacket.Packet) => this.handle(socket, generation, packet, keepalive));
    socket.on('error', (err) => this.fail(socket, err.message));
    socket.on('close', () => this.closed(socket));
  }

  private handle(socket: net.Socket, generation: number, packet: mqttPacket.Packet, keepalive: number): void {
    if (socket !== this.socket) return;
    switch (packet.cmd) {
      case 'connack': {
        const code = packet.reasonCode ?? packet.returnCode ?? 0;
        if (code !== 0) return this.fail(socket, `broker refused the connection (reason code ${code})`);
        this.connected = true;
        this.backoffMs = this.opts.initialBackoffMs ?? 250;
        // Subscribing again is harmless with a present session, and needed after it expired.
        socket.write(
          mqttPacket.generate(
            { cmd: 'subscribe', messageId: 1, subscriptions: this.opts.topics.map((topic) => ({ topic, qos: 1 as const })) },
            PROTOCOL,
          ),
        );
        clearInterval(this.pingTimer);
        this.awaitingPong = false;
        this.pingTimer = setInterval(
          () => {
            // While paused we do not read, so an unread PINGRESP says nothing about the broker; the
            // PINGREQ still tells the broker we are alive, so it keeps the connection.
            if (this.awaitingPong && !this.pausedByCaller) return this.fail(socket, 'broker stopped answering pings');
            this.awaitingPong = true;
            socket.write(mqttPacket.generate({ cmd: 'pingreq' }, PROTOCOL));
          },
          (keepalive * 1000) / 2,
        );
        this.opts.onStateChange?.({ connected: true, sessionPresent: packet.sessionPresent });
        return;
      }
      case 'suback': {
        const refused = (packet.granted as number[]).filter((g) => typeof g === 'number' && g >= 0x80);
        if (refused.length) this.opts.onStateChange?.({ connected: true, error: `broker refused ${refused.length} subscription(s)` });
        return;
      }
      case 'publish':
        this.opts.onMessage({
          topic: packet.topic,
          payload: Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload),
          qos: packet.qos,
          dup: packet.dup,
          messageId: packet.messageId,
          generation,
        });
        return;
      case 'pubrel':
        // QoS 2 (only if a publisher used it and the broker kept it): complete the handshake.
        socket.write(mqttPacket.generate({ cmd: 'pubcomp', messageId: packet.messageId, reasonCode: 0 } as mqttPacket.Packet, PROTOCOL));
        return;
      case 'pingresp':
        this.awaitingPong = false;
        return;
      case 'disconnect':
        return this.fail(socket, `broker disconnected (reason code ${packet.reasonCode ?? 0})`);
      default:
        return;
    }
  }

  private fail(socket: net.Socket, error: string): void {
    if (socket !== this.socket) return;
    this.opts.onStateChange?.({ connected: false, error });
    socket.destroy();
  }

  private closed(socket: net.Socket): void {
    if (socket !== this.socket) return;
    clearInterval(this.pingTimer);
    const wasConnected = this.connected;
    this.connected = false;
    if (wasConnected) this.opts.onStateChange?.({ connected: false });
    if (this.stopped) return;
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.opts.maxBackoffMs ?? 10_000);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }
}
