-- Values a source reported it could not deliver: an OPC UA server's monitored-item queue overflowed
-- while the connector had publishing switched off (back-pressure), or a notification message was
-- no longer available for Republish. A lower bound (one overflow mark is at least one value).
ALTER TABLE connector_status ADD COLUMN lost_total bigint NOT NULL DEFAULT 0;
