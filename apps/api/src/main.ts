import 'reflect-metadata';
import { ConfigError, environment, loadConfig } from '@taawoun/core';
import { createApi } from './create-api.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(environment());
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const api = await createApi(config);
  const base = config.publicUrl;
  api.logger.info({ graphql: `${base}/graphql` }, 'Taawoun API ready');
  process.stdout.write(
    `\nTaawoun is running.\n  GraphQL:  ${base}/graphql\n` +
      (config.isProduction ? '' : `  GraphiQL: ${base}/graphiql\n`) +
      '\n',
  );
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    api.logger.info({ signal }, 'shutting down');
    api.close().then(
      () => process.exit(0),
      (error: unknown) => {
        api.logger.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => shutdown(signal));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Taawoun API failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
