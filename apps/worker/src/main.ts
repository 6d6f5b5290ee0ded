import { ConfigError, createLogger, environment, loadConfig } from '@taawoun/core';
import { createApi } from '../../api/src/create-api.js';

/**
 * The job runner: the same libs as the API (each registers its jobs), RUN_JOBS forced on,
 * no GraphQL; HTTP only for GET /health (on PORT, default 3001). Run any number of replicas:
 * pg-boss hands each job to one of them.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig({ PORT: '3001', ...environment(), RUN_JOBS: 'true' });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const worker = await createApi(config, { role: 'worker', logger: createLogger(config, 'worker') });
  worker.logger.info({ health: `${worker.url}/health` }, 'Taawoun worker running');
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    worker.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Taawoun worker failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
