-- Retention with downsampling (issue 18): raw readings older than the retention window are rolled
-- up into per-minute and per-hour aggregates and then deleted, in bounded batches. Each batch adds
-- its readings to the aggregates and deletes them in one transaction, so a crash at any point
-- either counts a reading once (committed) or leaves it raw for the next attempt (rolled back).
-- sum and count rather than avg: partial buckets from different batches merge exactly.
CREATE TABLE reading_aggregates (
  sensor_id    text NOT NULL REFERENCES sensors (id),
  bucket_width text NOT NULL CHECK (bucket_width IN ('minute', 'hour')),
  bucket_start timestamptz NOT NULL,
  min_value    double precision NOT NULL,
  max_value    double precision NOT NULL,
  sum_value    double precision NOT NULL,
  reading_count bigint NOT NULL CHECK (reading_count > 0),
  PRIMARY KEY (sensor_id, bucket_width, bucket_start)
);

CREATE INDEX reading_aggregates_bucket ON reading_aggregates (bucket_width, bucket_start);
