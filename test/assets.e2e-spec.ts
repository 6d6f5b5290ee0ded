import {
  ASSET_VARIANTS_JOB,
  AssetKind,
  AssetService,
  AssetStorage,
  CLEAN_UNATTACHED_ASSETS_JOB,
  variantKey,
} from '@taawoun/assets';
import { Jobs } from '@taawoun/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import sharp from 'sharp';
import { grantPlatformRole, signUp, type TestUser } from './support/actors.js';
import {
  bigJpeg,
  errorCode,
  fetchAsset,
  jpegWithExif,
  keyOf,
  pdf,
  png,
  pngBomb,
  streamUpload,
  upload,
  type UploadResponse,
  webp,
} from './support/asset-fixtures.js';
import { cooperativeWithOwner } from './support/catalog-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/** Small enough that the oversized-stream tests stay cheap; the default is 10 MB. */
const MAX_BYTES = 1024 * 1024;

interface Driver {
  name: 'local' | 's3';
  start(): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

function localDriver(): Driver {
  let dir = '';
  return {
    name: 'local',
    start: () => {
      dir = mkdtempSync(join(tmpdir(), 'taawoun-assets-'));
      return Promise.resolve({ ASSET_STORAGE: 'local', DATA_DIR: dir });
    },
    stop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

/** s3rver over real HTTP on 127.0.0.1, a fresh bucket per run. */
function s3Driver(): Driver {
  let dir = '';
  let server: S3rver | null = null;
  return {
    name: 's3',
    start: async () => {
      dir = mkdtempSync(join(tmpdir(), 'taawoun-s3-'));
      server = new S3rver({
        port: 0,
        address: '127.0.0.1',
        silent: true,
        directory: dir,
        configureBuckets: [{ name: 'taawoun-assets', configs: [] }],
      });
      const { port } = await server.run();
      return {
        ASSET_STORAGE: 's3',
        S3_ENDPOINT: `http://127.0.0.1:${port}`,
        S3_BUCKET: 'taawoun-assets',
        S3_REGION: 'us-east-1',
        S3_ACCESS_KEY_ID: 'S3RVER',
        S3_SECRET_ACCESS_KEY: 'S3RVER',
        S3_FORCE_PATH_STYLE: 'true',
      };
    },
    stop: async () => {
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe.each([localDriver(), s3Driver()])('assets with the $name storage driver', (driver) => {
  let t: TestApi;
  let uploader: TestUser;
  let stranger: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    const env = await driver.start();
    t = await startTestApi({ ...env, ASSET_MAX_BYTES: String(MAX_BYTES), ASSET_MAX_PIXELS: '40000000' });
    uploader = await signUp(t);
    stranger = await signUp(t);
    admin = await signUp(t);
    await grantPlatformRole(t, admin.id, 'ADMIN');
  });
  afterAll(async () => {
    await t.close();
    await driver.stop();
  });

  const assetCount = async () => (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM assets`))[0].n;
  const storage = () => t.api.app.get(AssetStorage);
  function ok(response: UploadResponse) {
    expect(response.body.errors).toBeUndefined();
    expect(response.status).toBe(201);
    return response.body as Required<Omit<UploadResponse['body'], 'errors'>>;
  }
  async function refused(bytes: Uint8Array, filename: string, type: string, reason: string) {
    const before = await assetCount();
    const response = await upload(t, bytes, { token: uploader.accessToken, filename, type });
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.body.errors![0].extensions.fields).toEqual([
      { field: 'file', message: expect.any(String) },
    ]);
    expect(response.body.errors![0].message).toContain(reason);
    expect(await assetCount()).toBe(before);
  }

  it('uses the configured driver', () => {
    expect(storage().driver).toBe(driver.name);
  });

  describe('accepted uploads', () => {
    it('re-encodes a JPEG: EXIF orientation applied, EXIF and GPS metadata stripped', async () => {
      const input = await jpegWithExif();
      const before = await sharp(input).metadata();
      expect([before.width, before.height, before.orientation]).toEqual([40, 20, 6]);
      expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // the GPS IFD is there
      expect(input.includes('Fatima Zahra')).toBe(true);

      const asset = ok(await upload(t, input, { token: uploader.accessToken, filename: 'IMG_0001.JPG' }));
      expect(asset).toMatchObject({ mimeType: 'image/jpeg', width: 20, height: 40 });
      expect(new URL(asset.url).pathname).toMatch(/^\/assets\/[0-9a-f]{32}$/);

      const served = await fetchAsset(t, `/assets/${keyOf(asset.url)}`, uploader.accessToken);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/jpeg');
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      expect(served.bytes.length).toBe(asset.byteSize);
      const after = await sharp(served.bytes).metadata();
      expect([after.width, after.height]).toEqual([20, 40]);
      expect(after.orientation).toBeUndefined();
      expect(after.exif).toBeUndefined();
      expect(after.xmp).toBeUndefined();
      expect(served.bytes.includes('Fatima Zahra')).toBe(false);
    });

    it('accepts PNG and WebP, judged by their bytes whatever the name and declared type', async () => {
      const fromPng = ok(
        await upload(t, await png(64, 48), {
          token: uploader.accessToken,
          filename: 'photo.jpg',
          type: 'image/jpeg',
        }),
      );
      expect(fromPng).toMatchObject({ mimeType: 'image/png', width: 64, height: 48 });
      const fromWebp = ok(
        await upload(t, await webp(30, 10), {
          token: uploader.accessToken,
          filename: 'x.pdf',
          type: 'application/pdf',
        }),
      );
      expect(fromWebp).toMatchObject({ mimeType: 'image/webp', width: 30, height: 10 });
      const served = await fetchAsset(t, `/assets/${keyOf(fromWebp.url)}`, uploader.accessToken);
      expect(served.headers.get('content-type')).toBe('image/webp');
    });

    it('accepts a PDF without active content, stored as sent', async () => {
      const document = pdf();
      const asset = ok(await upload(t, document, { token: uploader.accessToken, filename: 'statuts.pdf' }));
      expect(asset).toMatchObject({
        mimeType: 'application/pdf',
        width: null,
        height: null,
        byteSize: document.length,
      });
      const served = await fetchAsset(t, `/assets/${keyOf(asset.url)}`, uploader.accessToken);
      expect(served.headers.get('content-type')).toBe('application/pdf');
      expect(served.bytes.equals(document)).toBe(true);
    });
  });

  describe('hostile files are refused and nothing is stored', () => {
    it('SVG (even named .png)', async () => {
      const svg = Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
      );
      await refused(svg, 'logo.png', 'image/png', 'must be a JPEG, PNG or WebP image or a PDF');
    });

    it('HTML named .jpg and declared image/jpeg', async () => {
      const html = Buffer.from(
        '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>',
      );
      await refused(html, 'photo.jpg', 'image/jpeg', 'must be a JPEG, PNG or WebP image or a PDF');
    });

    it('a JPEG+HTML polyglot', async () => {
      const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } })
        .jpeg()
        .toBuffer();
      const polyglot = Buffer.concat([jpeg, Buffer.from('<HTML><ScRiPt>alert(1)</script></HTML>')]);
      expect((await sharp(polyglot).metadata()).format).toBe('jpeg'); // it is a valid JPEG too
      await refused(polyglot, 'photo.jpg', 'image/jpeg', 'carries markup');
    });

    it('a 20,000×20,000 PNG decompression bomb (refused from its header, never decoded)', async () => {
      const bomb = pngBomb();
      expect(bomb.length).toBeLessThan(MAX_BYTES);
      const meta = await sharp(bomb, { limitInputPixels: false }).metadata();
      expect([meta.width, meta.height]).toEqual([20_000, 20_000]);
      await refused(bomb, 'bomb.png', 'image/png', 'has more than 40000000 pixels');
    });

    it('a PDF with JavaScript, also when the name is hex-escaped, and one opening with an action', async () => {
      await refused(pdf('/Names << /JavaScript 4 0 R >>'), 'a.pdf', 'application/pdf', '/JavaScript');
      await refused(pdf('/Names << /J#61vaScript 4 0 R >>'), 'b.pdf', 'application/pdf', '/JavaScript');
      await refused(
        pdf('/OpenAction << /S /JS /JS (app.alert(1)) >>'),
        'c.pdf',
        'application/pdf',
        '/OpenAction',
      );
      await refused(pdf('/AA << /O 5 0 R >>'), 'd.pdf', 'application/pdf', '/AA');
    });

    it('an empty file, and a part not named "file"', async () => {
      await refused(new Uint8Array(0), 'empty.jpg', 'image/jpeg', 'is empty');
      const wrongField = await upload(t, await png(), { token: uploader.accessToken, field: 'image' });
      expect(wrongField.status).toBe(400);
      expect(errorCode(wrongField)).toBe('BAD_USER_INPUT');
    });

    it('anonymous uploads (401) and bad tokens', async () => {
      const before = await assetCount();
      const anonymous = await upload(t, await png());
      expect([anonymous.status, errorCode(anonymous)]).toEqual([401, 'UNAUTHENTICATED']);
      const forged = await upload(t, await png(), { token: 'not.a.token' });
      expect([forged.status, errorCode(forged)]).toEqual([401, 'UNAUTHENTICATED']);
      expect(await assetCount()).toBe(before);
    });
  });

  describe('the size limit, enforced while the file arrives', () => {
    it('answers 413 before the client has sent everything (chunked, no Content-Length)', async () => {
      const before = await assetCount();
      const total = 64 * MAX_BYTES;
      const result = await streamUpload(t, uploader.accessToken, total);
      expect(result.status).toBe(413);
      expect(JSON.parse(result.body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
      // The answer came while most of the 64 MB were still unsent.
      expect(result.written).toBeLessThan(total / 2);
      expect(await assetCount()).toBe(before);
    });

    it('answers 413 at once when Content-Length announces too much', async () => {
      const result = await streamUpload(t, uploader.accessToken, 64 * MAX_BYTES, { declareLength: true });
      expect(result.status).toBe(413);
      expect(result.written).toBeLessThan(16 * MAX_BYTES);
    });

    it('accepts a file just under the limit', async () => {
      const document = Buffer.concat([pdf(), Buffer.alloc(MAX_BYTES - pdf().length - 10, 0x20)]);
      expect(document.length).toBeLessThan(MAX_BYTES);
      ok(await upload(t, document, { token: uploader.accessToken, filename: 'big.pdf' }));
    });
  });

  describe('serving and access', () => {
    it('private until attached as something public: owner, admin and members only; immutable cache headers', async () => {
      const asset = ok(await upload(t, await png(), { token: uploader.accessToken }));
      const path = `/assets/${keyOf(asset.url)}`;
      expect((await fetchAsset(t, path)).status).toBe(404);
      expect((await fetchAsset(t, path, stranger.accessToken)).status).toBe(404);
      expect((await fetchAsset(t, path, 'bad-token')).status).toBe(401);
      const own = await fetchAsset(t, path, uploader.accessToken);
      expect(own.status).toBe(200);
      expect(own.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
      expect((await fetchAsset(t, path, admin.accessToken)).status).toBe(200);

      const { cooperativeId, owner } = await cooperativeWithOwner(t);
      const service = t.api.app.get(AssetService);
      await service.attach(asset.id, { cooperativeId, kind: AssetKind.COOPERATIVE_DOCUMENT });
      expect((await fetchAsset(t, path, owner.accessToken)).status).toBe(200); // a member now
      expect((await fetchAsset(t, path)).status).toBe(404); // documents stay private

      await service.attach(asset.id, { cooperativeId, kind: AssetKind.PRODUCT_IMAGE });
      const open = await fetchAsset(t, path);
      expect(open.status).toBe(200);
      expect(open.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(open.headers.get('x-content-type-options')).toBe('nosniff');
      expect(open.headers.get('content-type')).toBe('image/png');
    });

    it('unknown keys, odd keys and bad variants', async () => {
      expect((await fetchAsset(t, '/assets/0123456789abcdef0123456789abcdef')).status).toBe(404);
      expect((await fetchAsset(t, '/assets/..%2f..%2fetc%2fpasswd')).status).toBe(404);
      const asset = ok(await upload(t, await png(), { token: uploader.accessToken }));
      const bad = await fetchAsset(t, `/assets/${keyOf(asset.url)}?variant=huge`, uploader.accessToken);
      expect(bad.status).toBe(400);
    });

    it('makes WebP variants in a job; before it, a variant request gets the original, briefly cached', async () => {
      const asset = ok(await upload(t, await bigJpeg(), { token: uploader.accessToken }));
      const path = `/assets/${keyOf(asset.url)}`;
      const early = await fetchAsset(t, `${path}?variant=thumbnail`, uploader.accessToken);
      expect(early.headers.get('content-type')).toBe('image/jpeg');
      expect(early.headers.get('cache-control')).toBe('private, max-age=300');
      const queued = await t.sql(`SELECT data FROM pgboss.job WHERE name = $1 AND data->>'assetId' = $2`, [
        ASSET_VARIANTS_JOB,
        asset.id,
      ]);
      expect(queued).toHaveLength(1);

      await t.api.app.get(Jobs).runNow(ASSET_VARIANTS_JOB, { assetId: asset.id });
      const sizes = { thumbnail: 200, medium: 800, large: 1600 };
      for (const [variant, size] of Object.entries(sizes)) {
        const served = await fetchAsset(t, `${path}?variant=${variant}`, uploader.accessToken);
        expect(served.status).toBe(200);
        expect(served.headers.get('content-type')).toBe('image/webp');
        expect(served.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
        const meta = await sharp(served.bytes).metadata();
        expect(meta.format).toBe('webp');
        expect(Math.max(meta.width, meta.height)).toBe(size);
      }
      const [row] = await t.sql<{ variants: string[] }>(`SELECT variants FROM assets WHERE id = $1`, [
        asset.id,
      ]);
      expect(row.variants.sort()).toEqual(['large', 'medium', 'thumbnail']);
      expect(t.api.app.get(AssetService).toModel({ ...(await byId(asset.id)) }).thumbnailUrl).toBe(
        `${asset.url}?variant=thumbnail`,
      );
    });
  });

  async function byId(id: string) {
    const [row] = await t.sql<{
      id: string;
      key: string;
      ownerId: string | null;
      cooperativeId: string | null;
      kind: string | null;
      public: boolean;
      mimeType: string;
      byteSize: number;
      width: number | null;
      height: number | null;
      variants: string[];
      createdAt: Date;
    }>(
      `SELECT id, key, owner_id AS "ownerId", cooperative_id AS "cooperativeId", kind, public, mime_type AS "mimeType",
         byte_size AS "byteSize", width, height, variants, created_at AS "createdAt" FROM assets WHERE id = $1`,
      [id],
    );
    return row;
  }

  describe('the daily clean-up', () => {
    it('deletes unattached uploads older than a day with their files, and keeps attached and recent ones', async () => {
      const stale = ok(await upload(t, await png(), { token: uploader.accessToken }));
      await t.api.app.get(Jobs).runNow(ASSET_VARIANTS_JOB, { assetId: stale.id });
      const attached = ok(await upload(t, await png(), { token: uploader.accessToken }));
      const recent = ok(await upload(t, await png(), { token: uploader.accessToken }));
      const { cooperativeId } = await cooperativeWithOwner(t);
      await t.api.app.get(AssetService).attach(attached.id, { cooperativeId, kind: AssetKind.PRODUCT_IMAGE });
      await t.sql(`UPDATE assets SET created_at = now() - interval '25 hours' WHERE id = ANY($1)`, [
        [stale.id, attached.id],
      ]);

      await t.api.app.get(Jobs).runNow(CLEAN_UNATTACHED_ASSETS_JOB, {});
      const left = await t.sql<{ id: string }>(`SELECT id FROM assets WHERE id = ANY($1)`, [
        [stale.id, attached.id, recent.id],
      ]);
      expect(left.map((r) => r.id).sort()).toEqual([attached.id, recent.id].sort());
      const key = keyOf(stale.url);
      expect(await storage().get(key)).toBeNull();
      expect(await storage().get(variantKey(key, 'thumbnail'))).toBeNull();
      const kept = await storage().get(keyOf(attached.url));
      expect(kept).not.toBeNull();
      kept!.body.destroy();
    });
  });
});
