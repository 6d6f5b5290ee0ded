import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { deleteInBatches } from '../database/batches.js';
import { TooManyRequestsError } from '../errors/domain-error.js';
import { RateLimitRepository } from './rate-limit.repository.js';

/**
 * Rate limits shared by every replica through PostgreSQL. A sliding-window estimate over two
 * fixed windows: this window's hits plus the previous window's, weighted by how much of it still
 * overlaps the sliding window (rounded up), so a burst across a window boundary is not let
 * through twice. Every call counts, refused ones too: a client that keeps knocking stays out.
 */
@Injectable()
export class RateLimiter {
  constructor(private readonly buckets: RateLimitRepository) {}

  /**
   * Counts one hit for `key`; throws TOO_MANY_REQUESTS (with `retryAfterSeconds`) when more than
   * `limit` hits fell within the last `windowSeconds`. Keys name the rule and the subject, e.g.
   * `register:ip:203.0.113.7`.
   */
  async consume(
    key: string,
    limit: number,
    windowSeconds: number,
    message = 'Too many requests, try again later',
  ): Promise<void> {
    if (!Number.isInteger(limit) || limit < 0) throw new Error('limit must be a non-negative integer');
    if (!Number.isInteger(windowSeconds) || windowSeconds < 1)
      throw new Error('windowSeconds must be a positive integer');
    const {
      hits,
      previous_hits: previous,
      elapsed,
    } = await this.buckets.hit(storedKey(key, windowSeconds), windowSeconds);
    const estimate = hits + Math.ceil(previous * (1 - elapsed));
    if (estimate <= limit) return;
    // By the end of this window the previous one no longer weighs; a hint, not a promise.
    throw new TooManyRequestsError(message, Math.max(1, Math.ceil(windowSeconds * (1 - elapsed))));
  }

  /** Deletes the buckets no limit needs any more, `batchSize` rows per statement; answers how many. */
  prune(batchSize = 5000): Promise<number> {
    return deleteInBatches((limit) => this.buckets.deleteExpiredBatch(limit), batchSize);
  }
}

/** Keys carry client text (an e-mail): a long one is stored as its hash, so a row stays small. */
const MAX_PLAIN_KEY_LENGTH = 300;

function storedKey(key: string, windowSeconds: number): string {
  const plain = `${key}/${windowSeconds}`;
  if (plain.length <= MAX_PLAIN_KEY_LENGTH) return plain;
  return `sha256:${createHash('sha256').update(plain).digest('hex')}`;
}
