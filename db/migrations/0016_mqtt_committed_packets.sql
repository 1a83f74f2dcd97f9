-- MQTT QoS 1 messages that were committed but whose PUBACK may not have reached the broker, for
-- the messages whose readings have no natural key (a bare number, stamped on arrival). A crash
-- between the commit and the PUBACK makes the broker resend the message with the same packet
-- identifier and DUP = 1; this table lets the connector recognise it and acknowledge it without
-- storing it again. One row per packet identifier (at most 65,535 per connector), overwritten when
-- the broker reuses the identifier for a new message.
CREATE TABLE connector_committed_packets (
  connector_id  uuid NOT NULL REFERENCES connectors (id) ON DELETE CASCADE,
  packet_id     integer NOT NULL CHECK (packet_id BETWEEN 1 AND 65535),
  -- A digest of topic and payload: a DUP message is a redelivery of this one only if it matches.
  fingerprint   text NOT NULL,
  -- The idempotency key of the reading that was stored, to trace a skipped redelivery to it.
  reading_key   text NOT NULL,
  committed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (connector_id, packet_id)
);
