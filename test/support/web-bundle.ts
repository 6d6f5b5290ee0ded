// What a route of the built web app costs to download: its JavaScript chunks from Vite's manifest
// (dist/web/.vite/manifest.json), the static imports of each followed, gzipped with zlib.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

const WEB = path.join('dist', 'web');

export function readManifest(): Record<string, ManifestChunk> {
  return JSON.parse(readFileSync(path.join(WEB, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
}

/** The JS files a browser loads for these manifest keys (the entry is `index.html`), deduplicated. */
export function jsFilesOf(manifest: Record<string, ManifestChunk>, keys: string[]): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the web build's manifest`);
    if (chunk.file.endsWith('.js')) files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return [...files];
}

export function gzippedBytes(files: string[]): number {
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(WEB, f)), { level: 9 }).length, 0);
}
