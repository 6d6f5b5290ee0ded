import { runCli } from './cli-context.js';

await runCli('migration:revert', async ({ dataSource, logger }) => {
  await dataSource.undoLastMigration({ transaction: 'each' });
  logger.info('last migration reverted');
});
