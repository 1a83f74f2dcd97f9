import { BrowseDirection, NodeClassMask, resolveNodeId } from 'node-opcua';
import type { OpcuaConfig } from '../../domain/connectors';
import type { ProbeResult } from '../probes';
import { createOpcuaClient, identity } from './opcuaClient';

const PROBE_TIMEOUT_MS = 8000;

/** Connects, opens a session, and browses the Objects folder (two levels) so the mapping can name real node ids. */
export async function probeOpcua(config: OpcuaConfig, username: string | undefined, password: string | undefined): Promise<ProbeResult> {
  const started = performance.now();
  const client = createOpcuaClient(config);
  const attempt = (async () => {
    await client.connect(config.endpointUrl);
    const session = await client.createSession(identity(username, password));
    try {
      const browse: { nodeId: string; name: string }[] = [];
      const visit = async (nodeId: string, depth: number) => {
        const result = await session.browse({
          nodeId: resolveNodeId(nodeId),
          browseDirection: BrowseDirection.Forward,
          includeSubtypes: true,
          nodeClassMask: NodeClassMask.Object | NodeClassMask.Variable,
          resultMask: 63,
        });
        for (const ref of result.references ?? []) {
          if (browse.length >= 200) return;
          if (ref.nodeId.namespace === 0) continue; // the server's own nodes, not the plant's
          browse.push({ nodeId: ref.nodeId.toString(), name: ref.browseName.name ?? '' });
          if (depth > 0) await visit(ref.nodeId.toString(), depth - 1);
        }
      };
      await visit('ObjectsFolder', 2);
      return browse;
    } finally {
      await session.close().catch(() => undefined);
    }
  })();
  try {
    const browse = await Promise.race([
      attempt,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS)),
    ]);
    return { ok: true, latency_ms: Math.round(performance.now() - started), error: null, browse };
  } catch (err) {
    return { ok: false, latency_ms: Math.round(performance.now() - started), error: (err as Error).message };
  } finally {
    await client.disconnect().catch(() => undefined);
  }
}
