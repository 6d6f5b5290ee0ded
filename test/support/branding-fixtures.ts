import { randomBytes } from 'node:crypto';
import type { TestApi } from './test-api.js';

/**
 * An uploaded image as the assets lib stores it (a row of `assets` owned by `ownerId`, not
 * attached): the brand-kit tests are about who may use it, not about the upload itself (see the
 * assets tests for real bytes over POST /assets).
 */
export async function uploadedImage(t: TestApi, ownerId: string, mimeType = 'image/png'): Promise<string> {
  const [row] = await t.sql<{ id: string }>(
    `INSERT INTO assets (key, owner_id, mime_type, byte_size, width, height)
     VALUES ($1, $2, $3, 1024, 64, 64) RETURNING id`,
    [
      `${randomBytes(16).toString('hex')}.${mimeType === 'application/pdf' ? 'pdf' : 'webp'}`,
      ownerId,
      mimeType,
    ],
  );
  return row.id;
}

/** Marks a user's address verified (what opening the verification link does). */
export async function verifyEmail(t: TestApi, userId: string): Promise<void> {
  await t.sql(`UPDATE users SET email_verified_at = now() WHERE id = $1`, [userId]);
}

/** A partner organisation with these members (PARTNER granted), straight in the database. */
export async function partnerWith(t: TestApi, name: string, memberIds: readonly string[]): Promise<string> {
  const [org] = await t.sql<{ id: string }>(
    `INSERT INTO partner_organizations (name) VALUES ($1) RETURNING id`,
    [name],
  );
  for (const userId of memberIds) {
    await t.sql(`INSERT INTO partner_members (partner_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      org.id,
      userId,
    ]);
    await t.sql(
      `UPDATE users SET platform_roles = array_append(platform_roles, 'PARTNER')
       WHERE id = $1 AND NOT ('PARTNER' = ANY (platform_roles))`,
      [userId],
    );
  }
  return org.id;
}

/** An identity request of a cooperative in the given state, assigned to `partnerId` when given. */
export async function identityRequest(
  t: TestApi,
  cooperativeId: string,
  partnerId: string | null,
  status = partnerId ? 'ASSIGNED' : 'OPEN',
): Promise<string> {
  const [row] = await t.sql<{ id: string }>(
    `INSERT INTO identity_requests (cooperative_id, needs, partner_id, status) VALUES ($1, 'A logo', $2, $3)
     RETURNING id`,
    [cooperativeId, partnerId, status],
  );
  return row.id;
}
