// The bench's database: a scratch database on DATABASE_URL's server, or an embedded PostgreSQL in
// a temporary folder when DATABASE_URL is unset; and the few bench-only statements (reading
// slugs and variants to drive the scenarios, setting stock for the checkout scenarios, counting
// the race's orders). The application's own SQL lives in its repositories; this is tooling.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { ROOT } from './processes.mjs';

async function onDatabase(url, statement, params = []) {
  const client = new pg.Client({ connectionString: url, application_name: 'taawoun-bench' });
  await client.connect();
  try {
    return (await client.query(statement, params)).rows;
  } finally {
    await client.end();
  }
}

function withPath(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A PostgreSQL server and a fresh database on it; `drop()` removes the database (and stops the
 * embedded server and removes its folder, when it started one).
 */
export async function scratchDatabase(log) {
  let serverUrl = process.env.DATABASE_URL;
  let embedded = null;
  let folder = null;
  if (!serverUrl) {
    const core = await import(pathToFileURL(path.join(ROOT, 'dist/libs/core/src/index.js')).href);
    // A private (0700) temporary folder: as root, the starter keeps the data where the postgres
    // user can reach it and links it from here.
    folder = mkdtempSync(path.join(os.tmpdir(), 'taawoun-bench-'));
    log(`DATABASE_URL is unset: starting an embedded PostgreSQL in ${folder}`);
    embedded = await core.startEmbeddedPostgres({ dataDir: path.join(folder, 'pg'), persistent: false });
    serverUrl = embedded.url;
  }
  let maintenance;
  try {
    maintenance = new URL(serverUrl);
  } catch {
    throw new Error(`DATABASE_URL is not a URL: ${serverUrl}`);
  }
  if (maintenance.pathname === '' || maintenance.pathname === '/') maintenance.pathname = '/postgres';
  const name = `taawoun_bench_${randomBytes(5).toString('hex')}`;
  await onDatabase(maintenance.toString(), `CREATE DATABASE "${name}"`);
  const url = withPath(serverUrl, name);
  return {
    url,
    name,
    embedded: embedded !== null,
    async drop() {
      try {
        await onDatabase(maintenance.toString(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        if (embedded) await embedded.stop();
        if (folder) rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

export function vacuumAnalyze(url) {
  return onDatabase(url, 'VACUUM ANALYZE');
}

export async function catalogSize(url) {
  const [row] = await onDatabase(
    url,
    `SELECT (SELECT count(*)::int FROM products) AS products, (SELECT count(*)::int FROM product_variants) AS variants,
            (SELECT count(*)::int FROM cooperatives) AS cooperatives, (SELECT count(*)::int FROM certifications) AS certifications,
            (SELECT count(*)::int FROM product_certifications) AS "certificationLinks",
            (SELECT count(*)::int FROM product_images) AS images`,
  );
  return row;
}

export async function serverVersion(url) {
  const [row] = await onDatabase(url, 'SHOW server_version');
  return row.server_version;
}

/** Slugs of public products, spread over the catalog, for the product-detail scenario. */
export async function sampleSlugs(url, count) {
  const rows = await onDatabase(
    url,
    `SELECT slug FROM products WHERE status = 'PUBLISHED' ORDER BY md5(slug) LIMIT $1`,
    [count],
  );
  return rows.map((r) => r.slug);
}

/**
 * Pairs of variants of two different cooperatives for the checkout scenario, given stock the
 * scenario cannot exhaust (bench-only: the catalog's stock rules are not the subject here).
 */
export async function checkoutPairs(url, count) {
  const rows = await onDatabase(
    url,
    `WITH picked AS (
       SELECT v.id, v.cooperative_id, row_number() OVER (ORDER BY md5(v.id::text)) AS n
         FROM product_variants v JOIN products p ON p.id = v.product_id
        WHERE p.status = 'PUBLISHED' LIMIT $1 * 4)
     SELECT a.id AS a, b.id AS b FROM picked a JOIN picked b ON b.n = a.n + 1 AND b.cooperative_id <> a.cooperative_id
      WHERE a.n % 2 = 1 LIMIT $1`,
    [count],
  );
  const ids = rows.flatMap((r) => [r.a, r.b]);
  await onDatabase(url, `UPDATE product_variants SET stock = 1000000 WHERE id = ANY($1::uuid[])`, [ids]);
  return rows.map((r) => [r.a, r.b]);
}

/** A variant set to exactly `units` in stock, for the race (bench-only). */
export async function raceVariant(url, units) {
  const [row] = await onDatabase(
    url,
    `UPDATE product_variants SET stock = $1
      WHERE id = (SELECT v.id FROM product_variants v JOIN products p ON p.id = v.product_id
                   WHERE p.status = 'PUBLISHED' ORDER BY md5(v.id::text) DESC LIMIT 1)
      RETURNING id`,
    [units],
  );
  return row.id;
}

/** What the database says after the race: orders holding the variant, and its stock. */
export async function raceOutcome(url, variantId) {
  const [row] = await onDatabase(
    url,
    `SELECT (SELECT count(DISTINCT s.order_id)::int FROM order_lines l JOIN sub_orders s ON s.id = l.sub_order_id
              WHERE l.variant_id = $1) AS orders,
            (SELECT stock FROM product_variants WHERE id = $1) AS stock`,
    [variantId],
  );
  return row;
}
