import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { Loading } from '../../../lib/ui/loading';
import { storefrontMessages } from '../messages';

const FeaturedCooperativesDocument = graphql(`
  query FeaturedCooperatives($first: Int!) {
    cooperatives(first: $first) {
      edges {
        node {
          id
          slug
          name
          womenLed
          region {
            code
            name
          }
        }
      }
    }
  }
`);

/** Home: a short pitch and the cooperatives to discover. */
export default function HomePage() {
  const t = useMessages(storefrontMessages);
  const { locale } = useI18n();
  const [{ data, fetching }] = useQuery({ query: FeaturedCooperativesDocument, variables: { first: 8 } });
  const cooperatives = data?.cooperatives.edges.map((e) => e.node) ?? [];
  return (
    <>
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p>{t('home.lead')}</p>
        <Link className="button" to="/products">
          {t('home.browse')}
        </Link>
      </section>
      <section aria-labelledby="featured-title">
        <h2 id="featured-title">{t('home.featured')}</h2>
        {fetching && !data ? <Loading /> : null}
        {data && cooperatives.length === 0 ? <p>{t('home.noCooperatives')}</p> : null}
        <ul className="card-grid" data-testid="featured-cooperatives">
          {cooperatives.map((c) => (
            <li key={c.id} className="card">
              <Link to={`/cooperatives/${c.slug}`} lang={locale}>
                <strong>{c.name}</strong>
              </Link>
              <span>{c.region.name}</span>
              {c.womenLed ? <span className="badge">{t('cooperative.womenLed')}</span> : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
