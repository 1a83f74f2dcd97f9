import path from 'node:path';
import {
  MessageSecurityMode,
  OPCUACertificateManager,
  OPCUAClient,
  SecurityPolicy,
  UserTokenType,
  type ClientSession,
  type UserIdentityInfo,
} from 'node-opcua';
import { dataDir } from '../../config';
import type { OpcuaConfig } from '../../domain/connectors';

/** One certificate store for every OPC UA client of this process, under DATA_DIR (created once, slow). */
let certificateManager: OPCUACertificateManager | undefined;
function clientCertificates(): OPCUACertificateManager {
  certificateManager ??= new OPCUACertificateManager({
    rootFolder: path.join(dataDir(), 'opcua-pki'),
    // The server's certificate is trusted on first use: plants rarely run a CA for OPC UA; an
    // operator who does moves it to the rejected folder or pins it in trusted/.
    automaticallyAcceptUnknownCertificate: true,
  });
  return certificateManager;
}

export function createOpcuaClient(config: OpcuaConfig): OPCUAClient {
  return OPCUAClient.create({
    applicationName: 'smart-maintenance-connector',
    endpointMustExist: false,
    securityMode: MessageSecurityMode[config.securityMode],
    securityPolicy: SecurityPolicy[config.securityPolicy],
    clientCertificateManager: clientCertificates(),
    // Reconnection is ours (connectors/opcua/opcuaConnector.ts), so a lost server is rebuilt from
    // scratch: new session, new subscription, every monitored item again.
    connectionStrategy: { maxRetry: 0, initialDelay: 100, maxDelay: 200 },
    keepSessionAlive: true,
    requestedSessionTimeout: 60_000,
  });
}

export function identity(username: string | undefined, password: string | undefined): UserIdentityInfo {
  if (username) return { type: UserTokenType.UserName, userName: username, password: password ?? '' };
  return { type: UserTokenType.Anonymous };
}

export type { ClientSession };
