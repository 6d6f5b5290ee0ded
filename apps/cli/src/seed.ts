import { argValue, runCli } from './cli-context.js';
import { identitySeeder } from './seed/identity.seed.js';
import { cooperativesSeeder } from './seed/cooperatives.seed.js';
import { catalogSeeder } from './seed/catalog.seed.js';
import { generateProducts } from './seed/products.generator.js';
import { seedStatistics } from './seed/statistics.generator.js';
import type { Seeder } from './seed/seeder.js';

/** Demo data, in dependency order. Each domain appends its seeder here. */
const DEMO_SEEDERS: Seeder[] = [identitySeeder, cooperativesSeeder, catalogSeeder];

/**
 * `npm run seed`: migrates, then loads the demo data (idempotent: a second run changes nothing).
 * Refused in production: demo accounts have a published password.
 */
await runCli('seed', async ({ dataSource, config, logger }) => {
  if (config.isProduction) throw new Error('The demo seed never runs in production');
  await dataSource.runMigrations({ transaction: 'each' });
  const report: string[] = [];
  // `--statistics`: only the synthetic Casablanca-Settat region (see seed/statistics.generator.ts).
  if (process.argv.includes('--statistics')) {
    await seedStatistics({ dataSource, config, logger, report });
    process.stdout.write(`${report.join('\n')}\n`);
    return;
  }
  // `--products N`: only N generated products for load tests (see seed/products.generator.ts).
  const products = argValue('--products');
  if (products !== undefined) {
    await generateProducts({ dataSource, config, logger, report }, Number(products));
    process.stdout.write(`${report.join('\n')}\n`);
    return;
  }
  for (const seeder of DEMO_SEEDERS) {
    logger.info({ seeder: seeder.name }, 'seeding');
    await seeder.run({ dataSource, config, logger, report });
  }
  process.stdout.write(`${report.join('\n')}\n`);
});
