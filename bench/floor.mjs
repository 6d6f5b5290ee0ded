#!/usr/bin/env node
// The floor: a bare node:http server answering scenario 1's data (the newest 20 public products
// with name, price range, cooperative name and region, first image, certifications) with ONE
// hand-written SQL query through `pg`: what the machine can do with no framework at all. Run by
// bench/run.mjs in its own process; prints "listening <port>" when ready.
// Env: DATABASE_URL (required), PORT (default 0: any free port), DATABASE_POOL_SIZE (default 10).
import { createServer } from 'node:http';
import pg from 'pg';

const PAGE = `
SELECT p.id, p.slug, p.created_at,
       COALESCE(CASE p.default_language WHEN 'fr' THEN p.name_fr WHEN 'ar' THEN p.name_ar ELSE p.name_en END,
                p.name_fr, p.name_ar, p.name_en) AS name,
       p.min_price_amount, p.max_price_amount,
       c.name AS cooperative_name, r.code AS region_code, r.name_fr AS region_name,
       (SELECT a.key FROM product_images pi JOIN assets a ON a.id = pi.asset_id
         WHERE pi.product_id = p.id ORDER BY pi.position LIMIT 1) AS image_key,
       (SELECT COALESCE(json_agg(json_build_object(
                 'type', ce.type,
                 'valid', ce.verified AND (ce.expires_on IS NULL OR ce.expires_on >= current_date))
                 ORDER BY ce.type, ce.issued_on, ce.id), '[]')
          FROM product_certifications pc JOIN certifications ce ON ce.id = pc.certification_id
         WHERE pc.product_id = p.id) AS certifications
  FROM products p
  JOIN cooperatives c ON c.id = p.cooperative_id
  JOIN provinces pr ON pr.code = c.province_code
  JOIN regions r ON r.code = pr.region_code
 WHERE p.status = 'PUBLISHED' AND c.status = 'APPROVED'
 ORDER BY p.created_at DESC, p.id DESC
 LIMIT 21`;

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  application_name: 'taawoun-bench-floor',
});
const base = process.env.ASSET_BASE_URL ?? 'http://127.0.0.1/assets';
const money = (amount) => ({ amount, currency: 'MAD' });

function page(rows) {
  const edges = rows.slice(0, 20).map((row) => ({
    cursor: Buffer.from(`${row.created_at.toISOString()}|${row.id}`).toString('base64url'),
    node: {
      id: row.id,
      slug: row.slug,
      name: row.name,
      priceRange: { min: money(row.min_price_amount), max: money(row.max_price_amount) },
      cooperative: { name: row.cooperative_name, region: { code: row.region_code, name: row.region_name } },
      images: row.image_key ? [{ url: `${base}/${row.image_key}` }] : [],
      certifications: row.certifications,
    },
  }));
  return {
    data: {
      products: {
        edges,
        pageInfo: { endCursor: edges.at(-1)?.cursor ?? null, hasNextPage: rows.length > 20 },
      },
    },
  };
}

const server = createServer((request, response) => {
  request.resume();
  request.on('end', async () => {
    try {
      const { rows } = await pool.query(PAGE);
      const body = JSON.stringify(page(rows));
      response.writeHead(200, { 'content-type': 'application/json', 'x-sql-queries': '1' });
      response.end(body);
    } catch (error) {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errors: [{ message: String(error?.message ?? error) }] }));
    }
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
const stop = () => server.close(() => void pool.end().finally(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
