import { randomUUID } from 'node:crypto';
import { UserRepository } from '@taawoun/identity';
import { signUp } from './support/actors.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * UserRepository is how other libs read accounts (cooperatives' members and invitations): what it
 * answers, and that it never hands out what only identity may read.
 */
let t: TestApi;
let users: UserRepository;
beforeAll(async () => {
  t = await startTestApi();
  users = t.api.app.get(UserRepository);
});
afterAll(() => t.close());

describe('UserRepository', () => {
  it('finds an account by id and by address (case-insensitively), without its password hash or session version', async () => {
    const a = await signUp(t, { fullName: 'Amina Test' });
    const byId = await users.findById(a.id);
    expect(byId).toEqual({
      id: a.id,
      email: a.email,
      fullName: 'Amina Test',
      preferredLanguage: 'fr',
      platformRoles: [],
      emailVerifiedAt: null,
      createdAt: expect.any(Date),
    });
    expect(await users.findByEmail(a.email.toUpperCase())).toEqual(byId);
    expect(await users.emailOf(a.id)).toBe(a.email);
  });

  it('answers null for an unknown account', async () => {
    expect(await users.findById(randomUUID())).toBeNull();
    expect(await users.findByEmail('nobody-here@example.ma')).toBeNull();
    expect(await users.emailOf(randomUUID())).toBeNull();
  });

  it('loads many ids at once (for DataLoaders), leaving unknown ids out', async () => {
    const [a, b] = [await signUp(t), await signUp(t)];
    await t.sql(`UPDATE users SET email_verified_at = now() WHERE id = $1`, [b.id]);
    const rows = await users.findByIds([a.id, randomUUID(), b.id]);
    expect(rows.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    expect(rows.find((r) => r.id === b.id)?.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await users.findByIds([])).toEqual([]);
  });
});
