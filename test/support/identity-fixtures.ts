import type { GraphqlResponse, TestApi } from './test-api.js';

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string };
}

/** The `extensions.code` of each error of a response (empty when there was none). */
export function codes(res: GraphqlResponse<unknown>): string[] {
  return (res.errors ?? []).map((e) => String(e.extensions?.code));
}

/** The offending fields a BAD_USER_INPUT / CONFLICT error names. */
export function fieldsOf(res: GraphqlResponse<unknown>): string[] {
  return (res.errors ?? []).flatMap((e) =>
    ((e.extensions?.fields as { field: string }[] | undefined) ?? []).map((f) => f.field),
  );
}

export async function login(
  t: TestApi,
  email: string,
  password: string,
): Promise<GraphqlResponse<{ login: Session }>> {
  return t.gql<{ login: Session }>(LOGIN, { input: { email, password } });
}

/** Logs in and fails the test when refused. */
export async function loginOk(t: TestApi, email: string, password: string): Promise<Session> {
  const res = await login(t, email, password);
  if (!res.data?.login) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
  return res.data.login;
}

export function refresh(
  t: TestApi,
  refreshToken: string,
): Promise<GraphqlResponse<{ refreshToken: Session }>> {
  return t.gql<{ refreshToken: Session }>(REFRESH, { refreshToken });
}

export function me(
  t: TestApi,
  token?: string,
): Promise<GraphqlResponse<{ me: { id: string; roles: string[] } | null }>> {
  return t.gql(`{ me { id roles } }`, {}, token);
}

export const SESSION_FIELDS = `accessToken refreshToken user { id email }`;
export const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { ${SESSION_FIELDS} } }`;
export const REFRESH = `mutation Refresh($refreshToken: String!) { refreshToken(refreshToken: $refreshToken) { ${SESSION_FIELDS} } }`;
export const LOGOUT = `mutation Logout($refreshToken: String!) { logout(refreshToken: $refreshToken) }`;
export const REGISTER = `mutation Register($input: RegisterInput!) {
  register(input: $input) { accessToken refreshToken user { id email fullName preferredLanguage roles } }
}`;
