import { argumentFields, argumentPath, withArgumentPaths } from './argument-fields.js';
import { BadUserInputError, ConflictError, NotFoundError } from './domain-error.js';

describe('argument paths of domain fields', () => {
  it('puts every field under a prefix', () => {
    expect(argumentPath('certificationIds.0', 'input')).toBe('input.certificationIds.0');
  });

  it('maps a listed field and its sub-fields, the longest key first, and leaves others alone', () => {
    const paths = { variants: 'input.variants', 'variants.0': 'input' };
    expect(argumentPath('variants.0.sku', paths)).toBe('input.sku');
    expect(argumentPath('variants.0', paths)).toBe('input');
    expect(argumentPath('variants.1.sku', paths)).toBe('input.variants.1.sku');
    expect(argumentPath('variantsCount', paths)).toBe('variantsCount');
    expect(argumentPath('productId', paths)).toBe('productId');
  });

  it('rewrites the fields of BAD_USER_INPUT and CONFLICT errors, and rethrows others unchanged', () => {
    const bad = withArgumentPaths(
      new BadUserInputError([
        { field: 'categoryCode', message: 'unknown' },
        { field: 'certificationIds.1', message: 'foreign' },
      ]),
      'input',
    ) as BadUserInputError;
    expect(bad.fields.map((f) => f.field)).toEqual(['input.categoryCode', 'input.certificationIds.1']);
    expect(bad.extensions.fields).toEqual(bad.fields);
    expect(bad.message).toBe('input.categoryCode: unknown; input.certificationIds.1: foreign');

    const conflict = withArgumentPaths(new ConflictError('no free slug', 'translations'), 'input');
    expect((conflict as ConflictError).extensions.fields).toEqual([
      { field: 'input.translations', message: 'no free slug' },
    ]);

    const notFound = new NotFoundError('Product', 'x');
    expect(() => argumentFields('input')(notFound)).toThrow(notFound);
  });
});
