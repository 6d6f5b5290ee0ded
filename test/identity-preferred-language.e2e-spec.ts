// setPreferredLanguage: the web app's language switcher remembers a signed-in user's choice.
import { signUp } from './support/actors.js';
import { codes } from './support/identity-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

const SET = `mutation($languageCode: LanguageCode!) {
  setPreferredLanguage(languageCode: $languageCode) { id preferredLanguage }
}`;
const ME = `{ me { id preferredLanguage } }`;

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

describe('setPreferredLanguage', () => {
  it('changes the signed-in user’s language, and me answers it from then on', async () => {
    const user = await signUp(t);
    expect((await t.gql(ME, {}, user.accessToken)).data).toEqual({
      me: { id: user.id, preferredLanguage: 'fr' },
    });

    const set = await t.gql(SET, { languageCode: 'ar' }, user.accessToken);
    expect(set.errors).toBeUndefined();
    expect(set.data).toEqual({ setPreferredLanguage: { id: user.id, preferredLanguage: 'ar' } });
    expect((await t.gql(ME, {}, user.accessToken)).data).toEqual({
      me: { id: user.id, preferredLanguage: 'ar' },
    });
    const [row] = await t.sql<{ preferred_language: string }>(
      'SELECT preferred_language FROM users WHERE id = $1',
      [user.id],
    );
    expect(row.preferred_language).toBe('ar');
  });

  it('changes only the caller’s own account', async () => {
    const a = await signUp(t);
    const b = await signUp(t);
    await t.gql(SET, { languageCode: 'en' }, a.accessToken);
    expect((await t.gql(ME, {}, b.accessToken)).data).toEqual({ me: { id: b.id, preferredLanguage: 'fr' } });
  });

  it('refuses a guest with UNAUTHENTICATED', async () => {
    const res = await t.gql(SET, { languageCode: 'en' });
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses an unknown language without changing anything (never a 500)', async () => {
    const user = await signUp(t);
    const res = await t.gql(SET, { languageCode: 'de' }, user.accessToken);
    expect(res.status).not.toBe(500);
    expect(codes(res)).toHaveLength(1);
    expect(codes(res)[0]).not.toBe('INTERNAL_SERVER_ERROR');
    expect((await t.gql(ME, {}, user.accessToken)).data).toEqual({
      me: { id: user.id, preferredLanguage: 'fr' },
    });
  });
});
