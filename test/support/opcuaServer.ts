import path from 'node:path';
import { DataType, MessageSecurityMode, OPCUACertificateManager, OPCUAServer, SecurityPolicy, StatusCodes, Variant } from 'node-opcua';
import { projectRoot } from '../../config';

export interface PlantServer {
  readonly endpointUrl: string;
  /** Node ids of the variables, `ns=1;s=plant.v<i>`. */
  readonly nodeIds: string[];
  /** Every source timestamp the variables were given, in ms. */
  readonly ticks: Set<number>;
  stop(): Promise<void>;
}

/**
 * A real OPC UA server standing in for a PLC: `count` Double variables that all change every
 * `periodMs`, each change stamped with its source timestamp. The certificate store is kept under
 * .data/test so only the first run pays for creating the server's certificate.
 */
export async function startPlantServer(opts: {
  port: number;
  count: number;
  periodMs: number;
  users?: Record<string, string>;
}): Promise<PlantServer> {
  const certificates = new OPCUACertificateManager({
    rootFolder: path.join(projectRoot, '.data', 'test', 'opcua-server-pki'),
    automaticallyAcceptUnknownCertificate: true,
  });
  const users = opts.users;
  const server = new OPCUAServer({
    port: opts.port,
    hostname: '127.0.0.1',
    // Basic256Sha256 beside None: a password on a None endpoint is still encrypted with the
    // server's certificate under one of the offered policies, and SignAndEncrypt needs it too.
    securityModes: [MessageSecurityMode.None, MessageSecurityMode.SignAndEncrypt],
    securityPolicies: [SecurityPolicy.None, SecurityPolicy.Basic256Sha256],
    allowAnonymous: !users,
    serverCertificateManager: certificates,
    userManager: users ? { isValidUser: (name: string, password: string) => users[name] === password } : undefined,
  });
  await server.initialize();
  const addressSpace = server.engine.addressSpace!;
  const ns = addressSpace.getOwnNamespace();
  const folder = ns.addFolder(addressSpace.rootFolder.objects, { browseName: 'Plant' });
  const variables = Array.from({ length: opts.count }, (_, i) =>
    ns.addVariable({
      componentOf: folder,
      browseName: `V${i}`,
      nodeId: `s=plant.v${i}`,
      dataType: 'Double',
      value: { dataType: DataType.Double, value: 0 },
    }),
  );
  const ticks = new Set<number>();
  let n = 0;
  const timer = setInterval(() => {
    n++;
    const at = new Date();
    ticks.add(at.getTime());
    variables.forEach((v, i) =>
      v.setValueFromSource(new Variant({ dataType: DataType.Double, value: i * 1000 + n }), StatusCodes.Good, at),
    );
  }, opts.periodMs);
  await server.start();
  return {
    endpointUrl: `opc.tcp://127.0.0.1:${opts.port}`,
    nodeIds: variables.map((_, i) => `ns=1;s=plant.v${i}`),
    ticks,
    async stop() {
      clearInterval(timer);
      await server.shutdown(0);
    },
  };
}
