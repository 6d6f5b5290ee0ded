import 'reflect-metadata';
import { environment, loadConfigOrExit } from '@taawoun/core';
import { createApi } from './create-api.js';
import { closeOnSignals, exitOnStartFailure } from './process-lifecycle.js';

async function main(): Promise<void> {
  const config = loadConfigOrExit(environment());
  const api = await createApi(config);
  const base = config.publicUrl;
  api.logger.info({ graphql: `${base}/graphql` }, 'Taawoun API ready');
  process.stdout.write(
    `\nTaawoun is running.\n  GraphQL:  ${base}/graphql\n` +
      (config.isProduction ? '' : `  GraphiQL: ${base}/graphiql\n`) +
      '\n',
  );
  closeOnSignals(api);
}

main().catch(exitOnStartFailure('Taawoun API'));
