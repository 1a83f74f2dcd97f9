import type postgres from 'postgres';
import type { CommittedPacket } from '../domain/mqttRedelivery';

/** The committed-packet entries (migration 0016) of the given packet ids; see domain/mqttRedelivery.ts. */
export async function committedPackets(
  tx: postgres.TransactionSql,
  connectorId: string,
  packetIds: number[],
): Promise<Map<number, CommittedPacket>> {
  if (packetIds.length === 0) return new Map();
  const rows = await tx<{ packet_id: number; fingerprint: string; reading_key: string }[]>`
    select packet_id, fingerprint, reading_key from connector_committed_packets
    where connector_id = ${connectorId} and packet_id = any(${packetIds}::int[])`;
  return new Map(rows.map((r) => [r.packet_id, { packetId: r.packet_id, fingerprint: r.fingerprint, readingKey: r.reading_key }]));
}

/** Writes, in the caller's transaction (the one storing the readings), the entries a batch changed. */
export async function saveCommittedPackets(
  tx: postgres.TransactionSql,
  connectorId: string,
  remember: CommittedPacket[],
  forget: number[],
  forgetAll = false,
): Promise<void> {
  if (forgetAll) await tx`delete from connector_committed_packets where connector_id = ${connectorId}`;
  else if (forget.length) {
    await tx`delete from connector_committed_packets where connector_id = ${connectorId} and packet_id = any(${forget}::int[])`;
  }
  if (remember.length === 0) return;
  // Sorted by packet id so two writers for one connector (never expected) could not deadlock.
  const sorted = [...remember].sort((a, b) => a.packetId - b.packetId);
  await tx`
    insert into connector_committed_packets (connector_id, packet_id, fingerprint, reading_key)
    select ${connectorId}::uuid, * from unnest(
      ${sorted.map((e) => e.packetId)}::int[], ${sorted.map((e) => e.fingerprint)}::text[], ${sorted.map((e) => e.readingKey)}::text[])
    on conflict (connector_id, packet_id) do update set
      fingerprint = excluded.fingerprint, reading_key = excluded.reading_key, committed_at = now()`;
}
