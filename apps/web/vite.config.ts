import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Writes `.br` and `.gz` copies of the built JS and CSS beside them: the API serves them to
 * browsers that accept them (@fastify/static `preCompressed`), with no compression work per request.
 */
function precompress(): Plugin {
  return {
    name: 'taawoun-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (!name.endsWith('.js') && !name.endsWith('.css')) continue;
        const file = path.join(options.dir!, name);
        const content = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(content));
      }
    },
  };
}

const root = fileURLToPath(new URL('.', import.meta.url));
/** Where the API started by `npm run web:dev`'s companion (`npm run start:dev`) listens. */
const api = process.env.API_URL ?? 'http://127.0.0.1:3000';
const apiPaths = ['/graphql', '/assets', '/health', '/webhooks', '/config.json'];

export default defineConfig({
  root,
  // Vite 8 transforms TSX with oxc: the automatic runtime, no fast refresh (no React plugin here).
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [precompress()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Not Vite's default "assets/": /assets/:key is the API's upload route.
    assetsDir: 'static',
    manifest: true,
    target: 'es2022',
    rolldownOptions: {
      // React Router's "use client" marks server components' boundaries: meaningless in a SPA.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: Object.fromEntries(apiPaths.map((p) => [p, { target: api, changeOrigin: false }])),
  },
  test: {
    root,
    environment: 'jsdom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});
