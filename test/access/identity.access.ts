import { randomBytes } from 'node:crypto';
import { TEST_PASSWORD, signUp } from '../support/actors.js';
import { loginOk } from '../support/identity-fixtures.js';
import { ACTORS, type AccessFixture, type AccessSuite } from './access-case.js';

/**
 * Identity operations and the public reference queries. Session operations take their tokens
 * as arguments, not from the caller, so each request gets a fresh refresh token prepared here
 * (the runner calls `variables` once per request).
 */
let fixture: AccessFixture;
const SIGNED_IN = ACTORS.filter((a) => a !== 'anonymous');
let nextRefresh = 0;
let nextLogout = 0;

export const identityAccessSuite: AccessSuite = {
  name: 'identity',

  async prepare(fx) {
    fixture = fx;
    const account = await signUp(fx.t, { fullName: 'Matrix Login' });
    fx.ids['identity.loginEmail'] = account.email;
    for (let i = 0; i < ACTORS.length; i += 1) {
      fx.ids[`identity.refresh.${i}`] = (await loginOk(fx.t, account.email, TEST_PASSWORD)).refreshToken;
      fx.ids[`identity.logout.${i}`] = (await loginOk(fx.t, account.email, TEST_PASSWORD)).refreshToken;
    }
  },

  cases: [
    {
      operation: 'Mutation.register',
      query: `mutation($input: RegisterInput!) { register(input: $input) { user { id } } }`,
      variables: () => ({
        input: {
          email: `matrix-${randomBytes(5).toString('hex')}@example.ma`,
          password: TEST_PASSWORD,
          fullName: 'Matrix',
        },
      }),
      allowed: 'everyone',
    },
    {
      operation: 'Mutation.login',
      query: `mutation($input: LoginInput!) { login(input: $input) { user { id } } }`,
      variables: (fx) => ({ input: { email: fx.ids['identity.loginEmail'], password: TEST_PASSWORD } }),
      allowed: 'everyone',
    },
    {
      operation: 'Mutation.refreshToken',
      query: `mutation($token: String!) { refreshToken(refreshToken: $token) { accessToken } }`,
      variables: (fx) => ({ token: fx.ids[`identity.refresh.${nextRefresh++}`] }),
      allowed: 'everyone',
    },
    {
      operation: 'Mutation.logout',
      query: `mutation($token: String!) { logout(refreshToken: $token) }`,
      variables: (fx) => ({ token: fx.ids[`identity.logout.${nextLogout++}`] }),
      allowed: 'everyone',
    },
    {
      operation: 'Mutation.requestEmailVerification',
      query: `mutation { requestEmailVerification }`,
      allowed: SIGNED_IN,
    },
    {
      operation: 'Mutation.verifyEmail',
      query: `mutation($token: String!) { verifyEmail(token: $token) }`,
      variables: () => ({ token: randomBytes(32).toString('base64url') }),
      allowed: 'everyone',
    },
    {
      operation: 'Mutation.requestPasswordReset',
      query: `mutation($email: String!) { requestPasswordReset(email: $email) }`,
      variables: (fx) => ({ email: fx.ids['identity.loginEmail'] }),
      allowed: 'everyone',
    },
    {
      operation: 'Mutation.resetPassword',
      query: `mutation($token: String!, $password: String!) { resetPassword(token: $token, newPassword: $password) }`,
      variables: () => ({ token: randomBytes(32).toString('base64url'), password: 'a brand new passphrase' }),
      allowed: 'everyone',
    },
    {
      // A wrong current password: allowed through the policy, refused by the service, nothing changes.
      operation: 'Mutation.changePassword',
      query: `mutation($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) { accessToken } }`,
      variables: () => ({ current: 'not the password at all', next: 'a brand new passphrase' }),
      allowed: SIGNED_IN,
    },
    {
      operation: 'Mutation.signOutEverywhere',
      query: `mutation { signOutEverywhere }`,
      allowed: SIGNED_IN,
      // Each signed-in actor bumped its token_version once: step back so its access token works again.
      after: async (fx) => {
        await fx.t.sql(`UPDATE users SET token_version = token_version - 1 WHERE id = ANY($1::uuid[])`, [
          Object.values(fx.users).map((u) => u.id),
        ]);
      },
    },
    {
      operation: 'Query.me',
      query: `{ me { id } }`,
      allowed: 'everyone',
      visibility: (actor, data) => {
        const me = (data as { me: { id: string } | null } | null)?.me;
        if (actor === 'anonymous') expect(me).toBeNull();
        else expect(me?.id).toBe(fixture.users[actor].id);
      },
    },
    {
      operation: 'Query.regions',
      query: `{ regions { code } }`,
      allowed: 'everyone',
    },
    {
      operation: 'Query.categories',
      query: `{ categories { code } }`,
      allowed: 'everyone',
    },
    {
      // French is every account's default: the language each actor already has.
      operation: 'Mutation.setPreferredLanguage',
      query: `mutation { setPreferredLanguage(languageCode: fr) { id preferredLanguage } }`,
      allowed: SIGNED_IN,
    },
  ],
};
