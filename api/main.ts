/**
 * `npm run api`: the API as its own process (production: scale it out behind a load balancer).
 * Needs TEMPORAL_ADDRESS; the worker runs separately (`npm run worker`).
 */
import 'reflect-metadata';
import { loadConfig } from '../config/app-config';
import { openDatabase } from '../persistence/data-source';
import { connectClient } from '../runtime/temporal-connection';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.temporal.address)
    throw new Error(
      'TEMPORAL_ADDRESS is required for `npm run api` (use `npm start` for the embedded default)',
    );
  const dataSource = await openDatabase(config.database);
  const temporal = await connectClient(config.temporal, config.temporal.address);
  const app = await createApp({ config, temporal, dataSource });
  await app.listen(config.port, config.host);
  console.log(`API listening on http://${config.host}:${config.port}/api (docs: /api/docs)`);
  const stop = async () => {
    await app.close();
    await temporal.connection.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
