import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AssetStorage, assertStorageKey, type StoredObject } from './asset-storage.js';

/** Files under one folder (DATA_DIR/assets by default), written atomically (temporary file, then rename). */
export class LocalAssetStorage extends AssetStorage {
  readonly driver = 'local' as const;
  private readonly root: string;
  private ready: Promise<void> | null = null;

  constructor(root: string) {
    super();
    this.root = resolve(root);
  }

  private ensureRoot(): Promise<void> {
    this.ready ??= mkdir(this.root, { recursive: true }).then(() => undefined);
    return this.ready;
  }

  private path(key: string): string {
    assertStorageKey(key);
    return join(this.root, key);
  }

  async put(key: string, body: Buffer): Promise<void> {
    const target = this.path(key);
    await this.ensureRoot();
    const temporary = join(this.root, `.tmp-${randomBytes(8).toString('hex')}`);
    try {
      await writeFile(temporary, body, { flag: 'wx' });
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const path = this.path(key);
    try {
      const info = await stat(path);
      return { body: createReadStream(path), byteSize: info.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((key) => rm(this.path(key), { force: true })));
  }
}
