import type { Readable } from 'node:stream';

/** A stored object, streamed back. */
export interface StoredObject {
  body: Readable;
  byteSize: number | null;
}

/**
 * Where asset bytes live, behind one interface: the local folder (one API replica) or S3-compatible
 * object storage (several replicas share the files). Keys are the service's own
 * ({@link isStorageKey}), never a client's text.
 */
export abstract class AssetStorage {
  abstract readonly driver: 'local' | 's3';
  abstract put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object, or null when there is none. */
  abstract get(key: string): Promise<StoredObject | null>;
  /** Deletes the objects; missing ones are not an error. */
  abstract delete(keys: readonly string[]): Promise<void>;
}

const KEY_MAX_LENGTH = 96;

/**
 * The storage key shape the service generates: 1..96 characters of [a-z0-9.-], not starting with
 * a dot (so never `..`, a slash or a hidden file). Checked character by character.
 */
export function isStorageKey(key: string): boolean {
  if (key.length === 0 || key.length > KEY_MAX_LENGTH || key.charCodeAt(0) === 46) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const ok = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c === 45 || c === 46;
    if (!ok) return false;
  }
  return true;
}

export function assertStorageKey(key: string): void {
  if (!isStorageKey(key)) throw new Error(`Not a storage key: ${JSON.stringify(key.slice(0, 100))}`);
}
