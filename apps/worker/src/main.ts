import { createLogger, environment, loadConfigOrExit } from '@taawoun/core';
import { createApi } from '../../api/src/create-api.js';
import { closeOnSignals, exitOnStartFailure } from '../../api/src/process-lifecycle.js';

/**
 * The job runner: the same libs as the API (each registers its jobs), RUN_JOBS forced on,
 * no GraphQL; HTTP only for GET /health (on WORKER_PORT, default 3001;
 * PORT is the API's, so both can share one environment). Run any number of replicas:
 * pg-boss hands each job to one of them.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit({ ...environment(), RUN_JOBS: 'true' });
  const worker = await createApi(config, { role: 'worker', logger: createLogger(config, 'worker') });
  worker.logger.info({ health: `${worker.url}/health` }, 'Taawoun worker running');
  closeOnSignals(worker);
}

main().catch(exitOnStartFailure('Taawoun worker'));
