import type postgres from 'postgres';
import { committedPackets, saveCommittedPackets } from '../../db/connectorPackets';
import { copyReadingsOnceIn } from '../../db/readingsCopy';
import { planRedeliveries } from '../../domain/mqttRedelivery';
import type { PipelineItem } from '../pipeline';

/**
 * Writes one MQTT batch: the readings and the committed-packet entries in ONE transaction, so an
 * entry exists exactly when its reading does. A redelivery recognised by its packet id (see
 * domain/mqttRedelivery.ts) is left out and counted as a duplicate; the pipeline still
 * acknowledges it after the commit.
 */
export async function writeMqttBatch(
  sql: postgres.Sql,
  connectorId: string,
  batch: PipelineItem[],
): Promise<{ inserted: number; duplicates: number }> {
  const dupIds = [...new Set(batch.flatMap((i) => (i.delivery?.dup ? [i.delivery.packetId] : [])))];
  const tracked = batch.some((i) => i.delivery?.arrivalKeyed || i.sessionStart) || dupIds.length > 0;
  return sql.begin(async (tx) => {
    if (!tracked)
      return copyReadingsOnceIn(
        tx,
        batch.flatMap((i) => i.rows),
      );
    const plan = planRedeliveries(batch, await committedPackets(tx, connectorId, dupIds));
    const written = await copyReadingsOnceIn(tx, plan.rows);
    await saveCommittedPackets(tx, connectorId, plan.remember, plan.forget, plan.forgetAll);
    return { inserted: written.inserted, duplicates: written.duplicates + plan.skippedRows };
  });
}
