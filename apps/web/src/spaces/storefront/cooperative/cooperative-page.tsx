import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { Loading } from '../../../lib/ui/loading';
import { NotFound } from '../../../lib/ui/not-found';
import { storefrontMessages } from '../messages';
import { BrandKitBanner } from '../ui/brand-kit';
import { ProductCard } from '../ui/product-card';

const StoreCooperativeDocument = graphql(`
  query StoreCooperative($slug: String!, $lang: LanguageCode) {
    cooperative(slug: $slug) {
      id
      slug
      name
      description
      womenLed
      memberCount
      region {
        code
        name(languageCode: $lang)
      }
      province {
        code
        name(languageCode: $lang)
      }
      brandKit {
        primaryColor
        secondaryColor
        tagline
        logo {
          url
          width
          height
        }
        banner {
          url
          width
          height
        }
      }
      products(first: 24) {
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
  }
`);

/** /cooperatives/<slug>: the cooperative's brand kit, story, place and products. */
export default function CooperativePage() {
  const { slug = '' } = useParams();
  const t = useMessages(storefrontMessages);
  const { locale } = useI18n();
  const [{ data, fetching }] = useQuery({
    query: StoreCooperativeDocument,
    variables: { slug, lang: locale },
  });
  if (!data) return fetching ? <Loading /> : <NotFound />;
  const cooperative = data.cooperative;
  if (!cooperative) return <NotFound />;
  const products = cooperative.products.edges.map((e) => e.node);
  return (
    <article className="cooperative-page">
      <BrandKitBanner name={cooperative.name} kit={cooperative.brandKit} />
      <h1>{cooperative.name}</h1>
      <p className="muted">
        {cooperative.province.name}, {cooperative.region.name} ·{' '}
        {t('cooperative.members', { count: cooperative.memberCount })}
        {cooperative.womenLed ? <span className="badge">{t('cooperative.womenLed')}</span> : null}
      </p>
      {cooperative.description ? <p className="description">{cooperative.description}</p> : null}
      <section aria-labelledby="cooperative-products">
        <h2 id="cooperative-products">{t('cooperative.products')}</h2>
        {products.length === 0 ? <p>{t('cooperative.noProducts')}</p> : null}
        <ul className="card-grid">
          {products.map((p) => (
            <ProductCard key={p.id} product={p} />
          ))}
        </ul>
      </section>
    </article>
  );
}
