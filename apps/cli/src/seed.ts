import { argValue, runCli } from './cli-context.js';
import { BrandKitImporter } from './import/brand-kits.importer.js';
import { loadDemoData } from './import/demo-data.js';
import { withServices } from './import/import-app.js';
import { demoOrderServices, seedDemoOrders } from './import/demo-orders.js';
import { Importer, importServices } from './import/importer.js';
import { generateProducts } from './seed/products.generator.js';
import { seedStatistics } from './seed/statistics.generator.js';

/**
 * `npm run seed`: migrates, then loads the demo data of `apps/cli/data/` through the services
 * (idempotent: a second run changes nothing). Refused in production: demo accounts have a
 * published password.
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
  // `--products N [--cooperatives M]`: only N generated products for load tests (see seed/products.generator.ts).
  const products = argValue('--products');
  if (products !== undefined) {
    const cooperatives = argValue('--cooperatives');
    await generateProducts(
      { dataSource, config, logger, report },
      Number(products),
      cooperatives === undefined ? undefined : Number(cooperatives),
    );
    process.stdout.write(`${report.join('\n')}\n`);
    return;
  }
  const { url } = dataSource.options as { url?: string };
  if (!url) throw new Error('The data source has no URL');
  const data = loadDemoData();
  const result = await withServices(config, url, logger, async (app) => {
    const services = importServices(app);
    const imported = await new Importer(services).importAll(data);
    const kits = await new BrandKitImporter(app).importAll(data);
    const orders = await seedDemoOrders(demoOrderServices(app, services), data);
    return {
      ...imported,
      lines: [...imported.lines, `Brand kits: ${kits} drawn and set.`, ...orders.lines],
    };
  });
  if (result.skipped.length)
    logger.warn({ cooperatives: result.skipped }, 'seed: cooperatives not APPROVED, their catalog skipped');
  process.stdout.write(`${result.lines.join('\n')}\n`);
});
