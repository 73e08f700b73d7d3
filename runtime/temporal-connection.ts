/** Connections to Temporal for the API (client) and the worker (native connection), from the configuration. */
import { readFileSync } from 'node:fs';
import { Client, Connection, ConnectionOptions } from '@temporalio/client';
import { NativeConnection, NativeConnectionOptions } from '@temporalio/worker';
import type { AppConfig } from '../config/app-config';

function tlsOptions(tls: AppConfig['temporal']['tls']): ConnectionOptions['tls'] {
  if (!tls) return undefined;
  if (tls === true) return true;
  return {
    serverNameOverride: tls.serverName,
    serverRootCACertificate: tls.caPath ? readFileSync(tls.caPath) : undefined,
    clientCertPair:
      tls.certPath && tls.keyPath
        ? { crt: readFileSync(tls.certPath), key: readFileSync(tls.keyPath) }
        : undefined,
  };
}

export async function connectClient(temporal: AppConfig['temporal'], address: string): Promise<Client> {
  const connection = await Connection.connect({
    address,
    tls: tlsOptions(temporal.tls),
    apiKey: temporal.apiKey,
  });
  return new Client({ connection, namespace: temporal.namespace });
}

export async function connectWorker(
  temporal: AppConfig['temporal'],
  address: string,
): Promise<NativeConnection> {
  const options: NativeConnectionOptions = {
    address,
    tls: tlsOptions(temporal.tls) as NativeConnectionOptions['tls'],
    apiKey: temporal.apiKey,
  };
  return NativeConnection.connect(options);
}
