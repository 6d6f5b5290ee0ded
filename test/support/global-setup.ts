// Jest global setup: once per run, in Jest's own process, outside its module registry (no path
// aliases there, hence the explicit .ts import). It starts the PostgreSQL server the tests use:
// DATABASE_URL's when set, else an embedded one tuned for speed in a temporary folder. The
// migrated template database is built by the first test file that needs it (test-database.ts).
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureServerBuilt } from './server-build.ts';
import { ensureWebBuilt } from './web-build.ts';
// eslint-disable-next-line no-restricted-imports -- Jest's global setup runs outside its module registry: no path aliases
import { startEmbeddedPostgres } from '../../libs/core/src/database/embedded-postgres.ts';
// eslint-disable-next-line no-restricted-imports -- as above
import type { EmbeddedPostgresHandle } from '../../libs/core/src/database/embedded-postgres.ts';

declare global {
  var __TAAWOUN_TEST__:
    { embedded: EmbeddedPostgresHandle | null; serverUrl: string; template: string } | undefined;
}

export default async function globalSetup(): Promise<void> {
  ensureServerBuilt();
  ensureWebBuilt();
  let embedded: EmbeddedPostgresHandle | null = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const root = mkdtempSync(path.join(os.tmpdir(), 'taawoun-test-'));
    chmodSync(root, 0o755); // as root, PostgreSQL runs as the postgres user
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(root, 'pg'),
      persistent: false,
      unsafeFast: true,
    });
    serverUrl = embedded.url;
  }
  const template = `taawoun_template_${randomBytes(4).toString('hex')}`;
  process.env.TAAWOUN_TEST_SERVER_URL = serverUrl;
  process.env.TAAWOUN_TEST_TEMPLATE = template;
  process.env.JWT_SECRET ??= randomBytes(32).toString('hex');
  globalThis.__TAAWOUN_TEST__ = { embedded, serverUrl, template };
}
