-- A sensor can be hidden from the lists (a test sensor, a retired one) without losing anything:
-- its readings, anomalies and orders stay; only the sensor lists leave it out unless asked.
ALTER TABLE sensors ADD COLUMN archived_at timestamptz;
