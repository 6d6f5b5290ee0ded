/** Longest slug base; room is left for a "-NN" suffix within the 160-character column. */
export const PRODUCT_SLUG_BASE_MAX = 120;

/**
 * A readable URL slug from a product name: lower-case ASCII, accents stripped, anything else
 * a dash ("Miel de thym 500 g" → "miel-de-thym-500-g"); "product" when nothing is left
 * (an Arabic-only name).
 */
export function productSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, PRODUCT_SLUG_BASE_MAX)
    .replace(/-+$/g, '');
  return slug || 'product';
}
