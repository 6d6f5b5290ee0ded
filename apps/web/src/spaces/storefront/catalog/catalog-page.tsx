import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { Loading } from '../../../lib/ui/loading';
import { storefrontMessages, type StorefrontKey } from '../messages';
import { ProductCard } from '../ui/product-card';
import {
  readCatalogQuery,
  SORTS,
  toProductFilter,
  writeCatalogQuery,
  type CatalogQuery,
} from './catalog-query';

const PAGE_SIZE = 12;

const StoreProductsDocument = graphql(`
  query StoreProducts(
    $filter: ProductFilter
    $sort: ProductSort
    $first: Int!
    $after: String
    $lang: LanguageCode
    $withFacets: Boolean!
  ) {
    products(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      facets @include(if: $withFacets) {
        categories {
          value
          count
        }
        regions {
          value
          count
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          slug
          name(languageCode: $lang)
          priceRange {
            min {
              amount
              currency
            }
          }
          images {
            url
            width
            height
          }
          cooperative {
            id
            name
          }
        }
      }
    }
  }
`);

const StoreCatalogLabelsDocument = graphql(`
  query StoreCatalogLabels($lang: LanguageCode) {
    categories {
      code
      name(languageCode: $lang)
    }
    regions {
      code
      name(languageCode: $lang)
    }
  }
`);

/** One page of results; the catalog renders one per cursor ("load more" adds the next). */
function ResultsPage(props: {
  query: CatalogQuery;
  after: string | null;
  isLast: boolean;
  onMore(cursor: string): void;
}) {
  const t = useMessages(storefrontMessages);
  const { locale } = useI18n();
  const { filter, sort } = toProductFilter(props.query);
  const [{ data, fetching, error }] = useQuery({
    query: StoreProductsDocument,
    variables: { filter, sort, first: PAGE_SIZE, after: props.after, lang: locale, withFacets: false },
  });
  if (error) return <p role="alert">{error.graphQLErrors[0]?.message ?? t('catalog.empty')}</p>;
  if (!data) return fetching ? <Loading /> : null;
  const { edges, pageInfo } = data.products;
  return (
    <>
      {edges.map((e) => (
        <ProductCard key={e.node.id} product={e.node} />
      ))}
      {props.isLast && pageInfo.hasNextPage && pageInfo.endCursor ? (
        <li className="load-more">
          <button type="button" className="primary" onClick={() => props.onMore(pageInfo.endCursor!)}>
            {t('catalog.loadMore')}
          </button>
        </li>
      ) : null}
    </>
  );
}

/** /products: search (typo-tolerant, by the API), facets and filters in the query string, load more. */
export default function CatalogPage() {
  const t = useMessages(storefrontMessages);
  const { locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = readCatalogQuery(params);
  const queryKey = params.toString();
  const [cursors, setCursors] = useState<{ key: string; list: (string | null)[] }>({
    key: queryKey,
    list: [null],
  });
  const list = cursors.key === queryKey ? cursors.list : [null];
  const [draft, setDraft] = useState(query.search);
  const { filter, sort } = toProductFilter(query);
  const [summary] = useQuery({
    query: StoreProductsDocument,
    variables: { filter, sort, first: PAGE_SIZE, after: null, lang: locale, withFacets: true },
  });
  const [labels] = useQuery({ query: StoreCatalogLabelsDocument, variables: { lang: locale } });
  const categoryName = new Map(labels.data?.categories.map((c) => [c.code, c.name]));
  const regionName = new Map(labels.data?.regions.map((r) => [r.code, r.name]));
  const facets = summary.data?.products.facets;

  const update = (change: Partial<CatalogQuery>) => setParams(writeCatalogQuery({ ...query, ...change }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ search: draft });
  };

  return (
    <section className="catalog">
      <h1>{t('catalog.title')}</h1>
      <form role="search" onSubmit={submit} className="search-form">
        <label htmlFor="catalog-search">{t('catalog.search')}</label>
        <input
          id="catalog-search"
          type="search"
          name="search"
          value={draft}
          maxLength={200}
          placeholder={t('catalog.searchPlaceholder')}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="primary">
          {t('catalog.submit')}
        </button>
      </form>
      <div className="catalog-body">
        <fieldset className="filters">
          <legend>{t('catalog.filters')}</legend>
          <label>
            <span>{t('catalog.category')}</span>
            <select value={query.category} onChange={(e) => update({ category: e.target.value })}>
              <option value="">{t('catalog.any')}</option>
              {(facets?.categories ?? []).map((f) => (
                <option key={f.value} value={f.value}>
                  {categoryName.get(f.value) ?? f.value} ({f.count})
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('catalog.region')}</span>
            <select value={query.region} onChange={(e) => update({ region: e.target.value })}>
              <option value="">{t('catalog.any')}</option>
              {(facets?.regions ?? []).map((f) => (
                <option key={f.value} value={f.value}>
                  {regionName.get(f.value) ?? f.value} ({f.count})
                </option>
              ))}
            </select>
          </label>
          {(['certified', 'womenLed', 'inStock'] as const).map((flag) => (
            <label key={flag} className="checkbox">
              <input
                type="checkbox"
                checked={query[flag]}
                onChange={(e) => update({ [flag]: e.target.checked })}
              />
              <span>{t(`catalog.${flag}`)}</span>
            </label>
          ))}
          <label>
            <span>{t('catalog.sort')}</span>
            <select
              value={query.sort || (query.search ? 'RELEVANCE' : 'NEWEST')}
              onChange={(e) => update({ sort: e.target.value as CatalogQuery['sort'] })}
            >
              {SORTS.filter((s) => s !== 'RELEVANCE' || query.search).map((s) => (
                <option key={s} value={s}>
                  {t(`catalog.sort.${s}` as StorefrontKey)}
                </option>
              ))}
            </select>
          </label>
          {queryKey ? <Link to="/products">{t('catalog.clear')}</Link> : null}
        </fieldset>
        <div className="results">
          {summary.data ? (
            <p role="status" data-testid="result-count">
              {t('catalog.results', { count: summary.data.products.totalCount })}
            </p>
          ) : null}
          {summary.data?.products.totalCount === 0 ? <p>{t('catalog.empty')}</p> : null}
          <ul className="card-grid">
            {list.map((after, i) => (
              <ResultsPage
                key={after ?? 'first'}
                query={query}
                after={after}
                isLast={i === list.length - 1}
                onMore={(cursor) => setCursors({ key: queryKey, list: [...list, cursor] })}
              />
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
