import { runCli } from './cli-context.js';

await runCli('migration:run', async ({ dataSource, logger }) => {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  logger.info(
    { migrations: applied.map((m) => m.name) },
    applied.length ? 'migrations applied' : 'no pending migration',
  );
});
