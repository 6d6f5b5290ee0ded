import { BadUserInputError } from '@taawoun/core';
import { assertAcceptableAccount } from './account-rules.js';

function problemsOf(fn: () => void): { field: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof BadUserInputError) return error.fields;
    throw error;
  }
  return [];
}

describe('assertAcceptableAccount', () => {
  it('passes a valid account', () => {
    expect(
      problemsOf(() =>
        assertAcceptableAccount({ email: 'a@example.ma', password: 'long enough phrase', fullName: 'A' }),
      ),
    ).toEqual([]);
  });

  it('names every offending field by its domain name (the resolver adds `input.`)', () => {
    const fields = problemsOf(() =>
      assertAcceptableAccount({ email: 'nope', password: 'qwertyuiop', fullName: '  ' }),
    ).map((p) => p.field);
    expect(fields).toEqual(['email', 'password', 'fullName']);
  });

  it('answers the problem of one field', () => {
    expect(
      problemsOf(() => assertAcceptableAccount({ email: 'a@example.ma', password: 'short', fullName: 'A' })),
    ).toEqual([{ field: 'password', message: 'password must be at least 10 characters' }]);
  });
});
