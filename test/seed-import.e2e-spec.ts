import path from 'node:path';
import { SLUG_SUFFIX_LENGTH, slugify } from '@taawoun/core';
import { demoDataDir, loadDemoData, type DemoData } from '../apps/cli/src/import/demo-data.js';
import { Importer, importServices, type ImportReport } from '../apps/cli/src/import/importer.js';
import { newCertification, newCooperative, newProduct } from './support/factories.js';
import { loginOk, me } from './support/identity-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/** The demo data goes through the services, and a second import creates nothing. */
let t: TestApi;
let data: DemoData;
let first: ImportReport;

const TABLES = [
  'users',
  'cooperatives',
  'cooperative_memberships',
  'cooperative_review_notes',
  'audit_log',
  'certifications',
  'products',
  'product_variants',
  'stock_movements',
  'product_certifications',
  'email_outbox',
  'assets',
  'product_images',
];

async function counts(): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    result[table] = row.n;
  }
  return result;
}

beforeAll(async () => {
  t = await startTestApi();
  data = loadDemoData();
  first = await new Importer(importServices(t.api.app)).importAll(data);
});
afterAll(() => t?.close());

describe('demo import', () => {
  it('creates the whole data set once, and a second run creates nothing and changes no count', async () => {
    expect(first.created).toEqual({
      users: data.users.length,
      cooperatives: data.cooperatives.length,
      certifications: data.certifications.length,
      products: data.products.length,
    });
    expect(first.skipped).toEqual([]);
    const before = await counts();
    expect(before.products).toBe(data.products.length);
    const second = await new Importer(importServices(t.api.app)).importAll(data);
    expect(second.created).toEqual({ users: 0, cooperatives: 0, certifications: 0, products: 0 });
    expect(await counts()).toEqual(before);
  });

  it('gives every product a photo drawn for it, public once the product is imported', async () => {
    const rows = await t.sql<{ key: string; n: number }>(
      `SELECT a.key, count(*) OVER (PARTITION BY pi.product_id)::int AS n
         FROM products p JOIN product_images pi ON pi.product_id = p.id JOIN assets a ON a.id = pi.asset_id`,
    );
    expect(rows).toHaveLength(data.products.length);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    const served = await fetch(`${t.url}/assets/${rows[0].key}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
  });

  it('gives products the platform slugs: their French name slugified, suffixed only when taken', async () => {
    const rows = await t.sql<{ slug: string; name: string }>(`SELECT slug, name_fr AS name FROM products`);
    const bare = rows.filter((r) => r.slug === slugify(r.name, 'product'));
    expect(bare.length).toBeGreaterThan(rows.length / 2);
    for (const r of rows) {
      const base = slugify(r.name, 'product');
      if (r.slug !== base) {
        expect(r.slug.startsWith(`${base}-`)).toBe(true);
        expect(r.slug.length).toBe(base.length + 1 + SLUG_SUFFIX_LENGTH);
      }
    }
  });

  it('opens every stocked variant with the service’s stock movement, written by the cooperative’s owner', async () => {
    const variants = await t.sql<{
      stock: number;
      movements: { delta: number; reason: string; role: string }[];
    }>(
      `SELECT v.stock,
              COALESCE(json_agg(json_build_object('delta', s.delta, 'reason', s.reason, 'role', m.role))
                       FILTER (WHERE s.id IS NOT NULL), '[]') AS movements
         FROM product_variants v
         LEFT JOIN stock_movements s ON s.variant_id = v.id
         LEFT JOIN cooperative_memberships m ON m.user_id = s.author_id AND m.cooperative_id = v.cooperative_id
        GROUP BY v.id, v.stock`,
    );
    expect(variants.length).toBe(data.products.reduce((n, p) => n + p.variants.length, 0));
    for (const v of variants) {
      expect(v.movements).toEqual(
        v.stock > 0 ? [{ delta: v.stock, reason: 'opening stock', role: 'OWNER' }] : [],
      );
    }
  });

  it('moves cooperatives through the review: statuses, notes and audit entries by the demo admin', async () => {
    const rows = await t.sql<{
      registration_number: string;
      status: string;
      notes: number;
      reviewer: string | null;
    }>(
      `SELECT c.registration_number, c.status, c.reviewer_id AS reviewer,
              (SELECT count(*)::int FROM cooperative_review_notes n WHERE n.cooperative_id = c.id) AS notes
         FROM cooperatives c`,
    );
    const [admin] = await t.sql<{ id: string }>(`SELECT id FROM users WHERE 'ADMIN' = ANY(platform_roles)`);
    const byNumber = new Map(rows.map((r) => [r.registration_number, r]));
    for (const c of data.cooperatives) {
      const row = byNumber.get(c.registrationNumber)!;
      expect({ number: c.registrationNumber, status: row.status }).toEqual({
        number: c.registrationNumber,
        status: c.status,
      });
      expect(row.reviewer).toBe(c.status === 'SUBMITTED' ? null : admin.id);
      expect(row.notes).toBe(['SUBMITTED', 'UNDER_REVIEW'].includes(c.status) ? 0 : 1);
    }
    const [suspended] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'cooperative.suspend' AND actor_id = $1`,
      [admin.id],
    );
    expect(suspended.n).toBe(data.cooperatives.filter((c) => c.status === 'SUSPENDED').length);
  });

  it('gives every listed member their role, and verifies the certificates marked verified', async () => {
    const members = await t.sql<{ email: string; number: string; role: string }>(
      `SELECT u.email, c.registration_number AS number, m.role
         FROM cooperative_memberships m JOIN users u ON u.id = m.user_id JOIN cooperatives c ON c.id = m.cooperative_id`,
    );
    const expected = data.cooperatives.flatMap((c) =>
      c.members.map((m) => ({ email: m.email, number: c.registrationNumber, role: m.role })),
    );
    expect(members).toHaveLength(expected.length);
    expect(members).toEqual(expect.arrayContaining(expected));
    const certificates = await t.sql<{ reference: string; verified: boolean; by: string | null }>(
      `SELECT reference, verified, verified_by AS by FROM certifications`,
    );
    for (const c of data.certifications) {
      const row = certificates.find((r) => r.reference === c.reference)!;
      expect({ reference: c.reference, verified: row.verified, by: row.by !== null }).toEqual({
        reference: c.reference,
        verified: c.verified,
        by: c.verified,
      });
    }
  });

  it('lets the printed demo logins sign in with the published password and their roles', async () => {
    for (const user of data.users.filter((u) => u.kind)) {
      const session = await loginOk(t, user.email, data.password);
      const res = await me(t, session.accessToken);
      expect(res.data!.me!.roles).toEqual(expect.arrayContaining(user.roles ?? []));
    }
    expect(first.lines.join('\n')).toContain('admin@demo.taawoun.ma');
  });

  it('finds apps/cli/data from the sources and from dist/ (tsc does not copy JSON)', () => {
    const root = path.resolve(import.meta.dirname, '..');
    expect(demoDataDir(path.join(root, 'apps/cli/src/import'))).toBe(path.join(root, 'apps/cli/data'));
    expect(demoDataDir(path.join(root, 'dist/apps/cli/src/import'))).toBe(path.join(root, 'apps/cli/data'));
  });
});

describe('test factories', () => {
  it('reach each state through the services: a SUBMITTED or SUSPENDED cooperative, a draft product', async () => {
    const submitted = await newCooperative(t, { approved: false });
    expect(submitted.status).toBe('SUBMITTED');
    const suspended = await newCooperative(t, { status: 'SUSPENDED' });
    expect(suspended.status).toBe('SUSPENDED');
    const coop = await newCooperative(t);
    const [owner] = await t.sql<{ user_id: string; role: string }>(
      `SELECT user_id, role FROM cooperative_memberships WHERE cooperative_id = $1`,
      [coop.id],
    );
    expect(owner).toEqual({ user_id: coop.ownerId, role: 'OWNER' });
    const certification = await newCertification(t, coop.id, { verified: false });
    const draft = await newProduct(t, coop.id, {
      published: false,
      variants: [{ stock: 3 }, { value: '1kg', stock: 0 }],
      certificationIds: [certification],
    });
    const [row] = await t.sql<{ status: string; variants: number; movements: number; certs: number }>(
      `SELECT p.status,
              (SELECT count(*)::int FROM product_variants v WHERE v.product_id = p.id) AS variants,
              (SELECT count(*)::int FROM stock_movements s JOIN product_variants v ON v.id = s.variant_id
                WHERE v.product_id = p.id) AS movements,
              (SELECT count(*)::int FROM product_certifications c WHERE c.product_id = p.id) AS certs
         FROM products p WHERE p.id = $1`,
      [draft.id],
    );
    expect(row).toEqual({ status: 'DRAFT', variants: 2, movements: 1, certs: 1 });
    const published = await newProduct(t, coop.id);
    const [status] = await t.sql<{ status: string }>(`SELECT status FROM products WHERE id = $1`, [
      published.id,
    ]);
    expect(status.status).toBe('PUBLISHED');
  });
});
