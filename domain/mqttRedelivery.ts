import type { NewReading } from './reading';

/**
 * Recognising a redelivered MQTT QoS 1 message whose reading has no natural key (a bare number is
 * stamped on arrival, so its redelivery would get a new key and be stored twice).
 *
 * What MQTT 5 guarantees (OASIS MQTT 5.0, 2.2.1, 3.3.1.1, 4.3.2, 4.4):
 * - A QoS 1 PUBLISH keeps its packet identifier until the receiver's PUBACK reaches the sender;
 *   only then may the sender reuse the identifier for another message (2.2.1).
 * - On a reconnect with a present session the server MUST resend every unacknowledged PUBLISH with
 *   its ORIGINAL packet identifier [MQTT-4.4.0-1], and sets DUP = 1 on a re-delivery (3.3.1.1).
 *   Mosquitto does exactly that (checked: same ids, DUP = 1, in the original order).
 * - After sending a PUBACK the receiver MUST treat a later PUBLISH with the same packet identifier
 *   as a new message, whatever its DUP flag (4.3.2); and DUP = 1 alone does not mean the receiver
 *   saw the message before (3.3.1.1): the first copy may have been lost with the connection. So
 *   DUP needs remembered state to mean anything.
 *
 * So: remember, in the transaction that stores the reading, (packet id → fingerprint of topic and
 * payload) for each such message. A DUP = 1 message whose packet id is remembered with the same
 * fingerprint is the message we already committed (its PUBACK was lost with the crash): skip the
 * rows and just acknowledge it. A message with DUP = 0 is new by definition, so it overwrites (or
 * clears) the entry. The fingerprint closes the one ambiguous case: the server reused the id for a
 * new message (our PUBACK did arrive) and we crashed before committing that one, so it comes back
 * with DUP = 1 while the entry still names the old message; only a byte-identical message on the
 * same topic, reusing that id, in that window, would be taken for the old one.
 *
 * A new message with a natural key (JSON with `ts`) that reuses an id leaves the table alone unless
 * the entry was already read for this batch: a stale entry only matters to a message with the same
 * fingerprint, and that message has the same natural key, so the idempotency key catches it anyway.
 */

export interface PacketDelivery {
  packetId: number;
  dup: boolean;
  /** Digest of topic and payload. */
  fingerprint: string;
  /** The message's rows are keyed on arrival, so only this table can recognise a redelivery. */
  arrivalKeyed: boolean;
}

export interface CommittedPacket {
  packetId: number;
  fingerprint: string;
  readingKey: string;
}

/** A pipeline item: its rows, how it was delivered, and whether it marks the start of a new broker session. */
export interface PlannedItem {
  rows: NewReading[];
  delivery?: PacketDelivery;
  /**
   * The broker answered a connect with no session present: every packet id of the old session is
   * void (nothing of it will be redelivered), and a new session numbers its packets afresh, so an
   * old entry could otherwise meet an unrelated DUP message of the new session.
   */
  sessionStart?: boolean;
}

export interface RedeliveryPlan {
  rows: NewReading[];
  /** Messages recognised as redeliveries of committed ones: acknowledged, not stored. */
  skippedMessages: number;
  skippedRows: number;
  /** Entries to write in the same transaction as `rows`. */
  remember: CommittedPacket[];
  /** Packet ids a new message reused without needing an entry: their old entry is stale. */
  forget: number[];
  /** Delete every entry of the connector first (a new session started in this batch). */
  forgetAll: boolean;
}

/**
 * Decides, for one batch in arrival order, which rows to store and how the committed-packet table
 * changes. `committed` holds the stored entries for (at least) the DUP messages' packet ids. An
 * earlier message of the same batch counts as committed too: a message is not acknowledged before
 * its batch commits, so a redelivery after a reconnect can sit in the same batch as the original.
 */
export function planRedeliveries(batch: PlannedItem[], committed: ReadonlyMap<number, CommittedPacket>): RedeliveryPlan {
  const known = new Map(committed);
  const changes = new Map<number, CommittedPacket | null>();
  const rows: NewReading[] = [];
  let skippedMessages = 0;
  let skippedRows = 0;
  let forgetAll = false;
  for (const item of batch) {
    if (item.sessionStart) {
      known.clear();
      changes.clear();
      forgetAll = true;
    }
    const d = item.delivery;
    if (!d) {
      rows.push(...item.rows);
      continue;
    }
    if (d.dup && known.get(d.packetId)?.fingerprint === d.fingerprint) {
      skippedMessages++;
      skippedRows += item.rows.length;
      continue;
    }
    rows.push(...item.rows);
    const key = item.rows[0]?.idempotencyKey;
    if (d.arrivalKeyed && key) {
      const entry = { packetId: d.packetId, fingerprint: d.fingerprint, readingKey: key };
      known.set(d.packetId, entry);
      changes.set(d.packetId, entry);
    } else if (!d.dup && known.has(d.packetId)) {
      known.delete(d.packetId);
      changes.set(d.packetId, null);
    }
  }
  const remember: CommittedPacket[] = [];
  const forget: number[] = [];
  for (const [id, entry] of changes) {
    if (entry) remember.push(entry);
    else forget.push(id);
  }
  return { rows, skippedMessages, skippedRows, remember, forget, forgetAll };
}
