import { randomBytes } from 'node:crypto';
import { ConflictError } from '../errors/domain-error.js';

/** Characters of the random suffix: lower-case base32 (32 symbols, so a byte & 31 is uniform). */
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** Length of the random suffix: 32^5 ≈ 33.5 million suffixes per base name. */
export const SLUG_SUFFIX_LENGTH = 5;

/** Random suffixes tried after the bare base is taken, before giving up with a CONFLICT. */
export const SLUG_SUFFIX_ATTEMPTS = 5;

/** A random suffix such as "k3x9q", from the system's CSPRNG. */
export function slugSuffix(): string {
  let suffix = '';
  for (const byte of randomBytes(SLUG_SUFFIX_LENGTH)) suffix += BASE32[byte & 31];
  return suffix;
}

/**
 * Stores a new row under the first free slug among `base`, then `base-<random suffix>`: a
 * suffix nobody can predict, so a base name cannot be exhausted the way a counter can.
 * `insert` tries one slug and answers null when the unique index already holds it (`ON
 * CONFLICT … DO NOTHING`, which also keeps the transaction usable); the index decides races.
 * After {@link SLUG_SUFFIX_ATTEMPTS} taken suffixes (vanishingly unlikely) it is a CONFLICT on
 * `field`, never an internal error.
 */
export async function insertWithFreeSlug<T>(
  base: string,
  insert: (slug: string) => Promise<T | null | undefined>,
  field: string,
): Promise<T> {
  for (let attempt = 0; attempt <= SLUG_SUFFIX_ATTEMPTS; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${slugSuffix()}`;
    const row = await insert(slug);
    if (row != null) return row;
  }
  throw new ConflictError('No free address (slug) was found for this name, please try again', field);
}
