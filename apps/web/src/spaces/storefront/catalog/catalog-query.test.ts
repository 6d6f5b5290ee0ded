import { describe, expect, it } from 'vitest';
import { readCatalogQuery, toProductFilter, writeCatalogQuery } from './catalog-query';

describe('catalog query string', () => {
  it('round-trips search, filters and sort through a shareable URL', () => {
    const params = new URLSearchParams('search=miel+thym&region=MA-06&certified=1&sort=PRICE_ASC');
    const query = readCatalogQuery(params);
    expect(query).toMatchObject({ search: 'miel thym', region: 'MA-06', certified: true, sort: 'PRICE_ASC' });
    expect(writeCatalogQuery(query).toString()).toBe(
      'search=miel+thym&region=MA-06&certified=1&sort=PRICE_ASC',
    );
  });

  it('ignores unknown sorts and drops empty values', () => {
    const query = readCatalogQuery(new URLSearchParams('sort=DROP_TABLE&search=+'));
    expect(query.sort).toBe('');
    expect(writeCatalogQuery(query).toString()).toBe('');
  });

  it('maps to the API filter; RELEVANCE only with a search term', () => {
    expect(
      toProductFilter(readCatalogQuery(new URLSearchParams('womenLed=1&inStock=1&category=honey'))),
    ).toEqual({
      filter: { womenLed: true, inStock: true, categoryCode: 'honey' },
      sort: null,
    });
    expect(toProductFilter(readCatalogQuery(new URLSearchParams('sort=RELEVANCE'))).sort).toBeNull();
    expect(toProductFilter(readCatalogQuery(new URLSearchParams('sort=RELEVANCE&search=argan'))).sort).toBe(
      'RELEVANCE',
    );
  });
});
