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
  ],
};
