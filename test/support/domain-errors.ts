/**
 * The field paths of the domain error a service call rejects with (BAD_USER_INPUT problems or a
 * CONFLICT's field), `[]` when it resolves: for tests calling services directly.
 */
export async function rejectedFields(call: Promise<unknown>): Promise<string[]> {
  const error = (await call.then(
    () => null,
    (e: unknown) => e,
  )) as { extensions?: { fields?: { field: string }[] } } | null;
  return error?.extensions?.fields?.map((f) => f.field) ?? [];
}
