import { Foundation1764403200000 } from './1764403200000-Foundation.js';
import { Identity1795952389719 } from './1795952389719-Identity.js';

/** Every migration, in order. Listed explicitly (no glob) so builds and tests load the same set. */
export const MIGRATIONS = [Foundation1764403200000, Identity1795952389719];
