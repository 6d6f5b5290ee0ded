import { randomBytes } from 'node:crypto';
import { Jobs } from '@taawoun/core';
import { TEST_PASSWORD, signUp } from './support/actors.js';
import { codes, fieldsOf, login, loginOk, me, refresh } from './support/identity-fixtures.js';
import { startMailbox, tokenFrom, type Mailbox, type ReceivedEmail } from './support/mailbox.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * The account flows over HTTP, with the e-mails caught by a real SMTP server and the links'
 * tokens read from the received messages.
 */
let t: TestApi;
let mailbox: Mailbox;

beforeAll(async () => {
  mailbox = await startMailbox();
  t = await startTestApi({ RUN_JOBS: 'true', SMTP_URL: mailbox.url, PUBLIC_URL: 'https://taawoun.test' });
});
afterAll(async () => {
  await t.close();
  await mailbox.close();
});

const NEW_PASSWORD = 'a much better passphrase';

function address(): string {
  return `acct-${randomBytes(4).toString('hex')}@example.ma`;
}

/** The n-th (1-based) message of a template to an address, once it has arrived. */
function mailTo(to: string, template: string, n = 1): Promise<ReceivedEmail> {
  return mailbox.waitFor(
    (m) =>
      m.to.includes(to.toLowerCase()) &&
      m.header('X-Taawoun-Template') === template &&
      mailbox
        .to(to)
        .filter((x) => x.header('X-Taawoun-Template') === template)
        .indexOf(m) ===
        n - 1,
  );
}

async function emailVerified(token: string): Promise<boolean> {
  const res = await t.gql<{ me: { emailVerified: boolean } }>(`{ me { emailVerified } }`, {}, token);
  return res.data!.me.emailVerified;
}

async function expire(kind: string, userId: string): Promise<void> {
  await t.sql(
    `UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE kind = $1 AND user_id = $2`,
    [kind, userId],
  );
}

describe('e-mail verification', () => {
  it('registration e-mails a link, in the chosen language, that verifies the address once', async () => {
    const email = address();
    const res = await t.gql<{ register: { accessToken: string; user: { emailVerified: boolean } } }>(
      `mutation($input: RegisterInput!) { register(input: $input) { accessToken user { emailVerified } } }`,
      { input: { email, password: TEST_PASSWORD, fullName: 'Verify Me', preferredLanguage: 'en' } },
    );
    expect(res.data!.register.user.emailVerified).toBe(false);
    const { accessToken } = res.data!.register;
    const mail = await mailTo(email, 'verify-email');
    expect(mail.text).toContain('Confirm your e-mail address');
    expect(mail.text).toContain('https://taawoun.test/verify-email?token=');
    const token = tokenFrom(mail, '/verify-email');
    expect(token.length).toBeGreaterThanOrEqual(43); // 32 random bytes
    // Stored hashed: the token itself is nowhere in the database.
    const [stored] = await t.sql<{ n: string }>(
      `SELECT count(*) AS n FROM account_tokens WHERE token_hash = encode(sha256($1::bytea), 'hex')`,
      [token],
    );
    expect(stored.n).toBe('1');
    expect(await t.sql(`SELECT 1 FROM account_tokens WHERE token_hash = $1`, [token])).toEqual([]);

    const verified = await t.gql(`mutation($token: String!) { verifyEmail(token: $token) }`, { token });
    expect(verified.data).toEqual({ verifyEmail: true });
    expect(await emailVerified(accessToken)).toBe(true);
    const again = await t.gql(`mutation($token: String!) { verifyEmail(token: $token) }`, { token });
    expect(codes(again)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(again)).toEqual(['token']);
  });

  it('a registration that fails sends nothing (the e-mail is in its transaction)', async () => {
    const user = await signUp(t, { email: address() });
    await mailTo(user.email, 'verify-email');
    const duplicate = await t.gql(
      `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`,
      { input: { email: user.email, password: TEST_PASSWORD, fullName: 'Squatter' } },
    );
    expect(codes(duplicate)).toEqual(['CONFLICT']);
    const rows = await t.sql(`SELECT 1 FROM email_outbox WHERE to_address = $1`, [user.email]);
    expect(rows).toHaveLength(1);
  });

  it('requestEmailVerification sends a fresh link; the earlier one stops working; expired links are refused', async () => {
    const user = await signUp(t, { email: address() });
    const first = tokenFrom(await mailTo(user.email, 'verify-email'), '/verify-email');
    const res = await t.gql(`mutation { requestEmailVerification }`, {}, user.accessToken);
    expect(res.data).toEqual({ requestEmailVerification: true });
    const second = tokenFrom(await mailTo(user.email, 'verify-email', 2), '/verify-email');
    expect(second).not.toBe(first);
    const old = await t.gql(`mutation($token: String!) { verifyEmail(token: $token) }`, { token: first });
    expect(fieldsOf(old)).toEqual(['token']);
    await expire('verify-email', user.id);
    const expired = await t.gql(`mutation($token: String!) { verifyEmail(token: $token) }`, {
      token: second,
    });
    expect(fieldsOf(expired)).toEqual(['token']);
    expect(await emailVerified(user.accessToken)).toBe(false);
  });

  it('requestEmailVerification sends nothing once the address is verified', async () => {
    const user = await signUp(t, { email: address() });
    const token = tokenFrom(await mailTo(user.email, 'verify-email'), '/verify-email');
    await t.gql(`mutation($token: String!) { verifyEmail(token: $token) }`, { token });
    const res = await t.gql(`mutation { requestEmailVerification }`, {}, user.accessToken);
    expect(res.data).toEqual({ requestEmailVerification: true });
    const queued = await t.sql(`SELECT 1 FROM email_outbox WHERE to_address = $1`, [user.email]);
    expect(queued).toHaveLength(1);
  });

  it('refuses junk and oversized tokens as BAD_USER_INPUT on token', async () => {
    for (const token of ['', 'nope', 'x'.repeat(100_000)]) {
      const res = await t.gql(`mutation($token: String!) { verifyEmail(token: $token) }`, { token });
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(res)).toEqual(['token']);
    }
  });
});

describe('password reset', () => {
  const REQUEST = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
  const RESET = `mutation($token: String!, $password: String!) { resetPassword(token: $token, newPassword: $password) }`;

  async function resetJobsDone(): Promise<void> {
    for (let i = 0; i < 300; i += 1) {
      const [row] = await t.sql<{ n: string }>(
        `SELECT count(*) AS n FROM pgboss.job WHERE name = 'identity.password-reset-request' AND state <> 'completed'`,
      );
      if (row.n === '0') return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('password reset jobs never completed');
  }

  it('answers the same for an unknown address and only e-mails a known one', async () => {
    const user = await signUp(t, { email: address() });
    const unknown = address();
    const forUnknown = await t.gql(REQUEST, { email: unknown });
    const forKnown = await t.gql(REQUEST, { email: user.email.toUpperCase() });
    const forMalformed = await t.gql(REQUEST, { email: 'not an address' });
    for (const res of [forUnknown, forKnown, forMalformed]) {
      expect({ status: res.status, data: res.data, errors: res.errors }).toEqual({
        status: 200,
        data: { requestPasswordReset: true },
        errors: undefined,
      });
    }
    await mailTo(user.email, 'reset-password');
    await resetJobsDone();
    expect(mailbox.to(unknown)).toEqual([]);
    expect(await t.sql(`SELECT 1 FROM email_outbox WHERE to_address = $1`, [unknown])).toEqual([]);
  });

  it('resets the password once with the e-mailed link and signs out every session', async () => {
    const user = await signUp(t, { email: address() });
    const other = await loginOk(t, user.email, TEST_PASSWORD);
    await t.gql(REQUEST, { email: user.email });
    const mail = await mailTo(user.email, 'reset-password');
    expect(mail.text).toContain('valable 60 minutes'); // French, the default language
    const token = tokenFrom(mail, '/reset-password');

    // A password the policy refuses names newPassword and leaves the link usable.
    const weak = await t.gql(RESET, { token, password: 'short' });
    expect(codes(weak)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(weak)).toEqual(['newPassword']);

    const res = await t.gql(RESET, { token, password: NEW_PASSWORD });
    expect(res.data).toEqual({ resetPassword: true });
    for (const session of [user, other]) {
      expect(codes(await me(t, session.accessToken))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await refresh(t, session.refreshToken))).toEqual(['UNAUTHENTICATED']);
    }
    expect(codes(await login(t, user.email, TEST_PASSWORD))).toEqual(['UNAUTHENTICATED']);
    const fresh = await loginOk(t, user.email, NEW_PASSWORD);
    // Opening the link proved the address works.
    expect(await emailVerified(fresh.accessToken)).toBe(true);
    const reused = await t.gql(RESET, { token, password: 'yet another passphrase' });
    expect(fieldsOf(reused)).toEqual(['token']);
    await loginOk(t, user.email, NEW_PASSWORD);
    const notice = await mailTo(user.email, 'password-changed');
    expect(notice.text).toContain('mot de passe');
  });

  it('of two concurrent resets with one link, exactly one succeeds', async () => {
    const user = await signUp(t, { email: address() });
    await t.gql(REQUEST, { email: user.email });
    const token = tokenFrom(await mailTo(user.email, 'reset-password'), '/reset-password');
    const results = await Promise.all(
      ['first passphrase here', 'second passphrase here', 'third passphrase here'].map((password) =>
        t.gql(RESET, { token, password }),
      ),
    );
    const winners = results.filter((r) => r.data?.resetPassword === true);
    expect(winners).toHaveLength(1);
    for (const loser of results.filter((r) => r !== winners[0])) expect(fieldsOf(loser)).toEqual(['token']);
  });

  it('refuses an expired link and changes nothing', async () => {
    const user = await signUp(t, { email: address() });
    await t.gql(REQUEST, { email: user.email });
    const token = tokenFrom(await mailTo(user.email, 'reset-password'), '/reset-password');
    await expire('reset-password', user.id);
    const res = await t.gql(RESET, { token, password: NEW_PASSWORD });
    expect(fieldsOf(res)).toEqual(['token']);
    await loginOk(t, user.email, TEST_PASSWORD);
    expect((await me(t, user.accessToken)).data?.me?.id).toBe(user.id);
  });
});

describe('changePassword', () => {
  const CHANGE = `mutation($current: String!, $next: String!) {
    changePassword(currentPassword: $current, newPassword: $next) { accessToken refreshToken user { id } } }`;

  it('checks the current password and the policy, changing nothing when refused', async () => {
    const user = await signUp(t);
    const wrong = await t.gql(CHANGE, { current: 'not my password', next: NEW_PASSWORD }, user.accessToken);
    expect(codes(wrong)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(wrong)).toEqual(['currentPassword']);
    const weak = await t.gql(CHANGE, { current: TEST_PASSWORD, next: 'password' }, user.accessToken);
    expect(fieldsOf(weak)).toEqual(['newPassword']);
    expect((await me(t, user.accessToken)).data?.me?.id).toBe(user.id);
    await loginOk(t, user.email, TEST_PASSWORD);
  });

  it('returns a new session and signs out every other one', async () => {
    const user = await signUp(t, { email: address() });
    const other = await loginOk(t, user.email, TEST_PASSWORD);
    const res = await t.gql<{
      changePassword: { accessToken: string; refreshToken: string; user: { id: string } };
    }>(CHANGE, { current: TEST_PASSWORD, next: NEW_PASSWORD }, user.accessToken);
    expect(res.errors).toBeUndefined();
    const session = res.data!.changePassword;
    expect(session.user.id).toBe(user.id);
    expect((await me(t, session.accessToken)).data?.me?.id).toBe(user.id);
    for (const old of [other, user]) {
      expect(codes(await me(t, old.accessToken))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await refresh(t, old.refreshToken))).toEqual(['UNAUTHENTICATED']);
    }
    const rotated = await refresh(t, session.refreshToken);
    expect(rotated.errors).toBeUndefined();
    await loginOk(t, user.email, NEW_PASSWORD);
    expect(codes(await login(t, user.email, TEST_PASSWORD))).toEqual(['UNAUTHENTICATED']);
    await mailTo(user.email, 'password-changed');
  });
});

describe('signOutEverywhere', () => {
  it('stops every access and refresh token issued before it at once', async () => {
    const user = await signUp(t);
    const other = await loginOk(t, user.email, TEST_PASSWORD);
    const res = await t.gql(`mutation { signOutEverywhere }`, {}, other.accessToken);
    expect(res.data).toEqual({ signOutEverywhere: true });
    for (const session of [user, other]) {
      expect(codes(await me(t, session.accessToken))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await refresh(t, session.refreshToken))).toEqual(['UNAUTHENTICATED']);
    }
    const fresh = await loginOk(t, user.email, TEST_PASSWORD);
    expect((await me(t, fresh.accessToken)).data?.me?.id).toBe(user.id);
    expect((await refresh(t, fresh.refreshToken)).errors).toBeUndefined();
  });
});

describe('the nightly prune of account tokens', () => {
  it('deletes tokens expired for more than a day, and only those', async () => {
    const user = await signUp(t);
    await t.sql(
      `INSERT INTO account_tokens (kind, user_id, token_hash, expires_at)
       VALUES ('reset-password', $1, repeat('a', 64), now() - interval '25 hours'),
              ('reset-password', $1, repeat('b', 64), now() - interval '23 hours')`,
      [user.id],
    );
    await t.api.app.get(Jobs).runNow('identity.prune-account-tokens', {});
    const left = await t.sql<{ token_hash: string }>(
      `SELECT token_hash FROM account_tokens WHERE user_id = $1 AND kind = 'reset-password'`,
      [user.id],
    );
    expect(left.map((r) => r.token_hash)).toEqual(['b'.repeat(64)]);
  });
});
