import { useQuery } from 'urql';
import { Link } from 'react-router';
import { graphql } from '../../../gql';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { Loading } from '../../../lib/ui/loading';
import { backofficeMessages } from '../messages';
import { CoopGate } from '../shared/coop-gate';

const CoopProductsDocument = graphql(`
  query CoopProducts($id: ID!, $languageCode: LanguageCode) {
    cooperative(id: $id) {
      id
      products(first: 100) {
        totalCount
        edges {
          node {
            id
            status
            name(languageCode: $languageCode)
            variants {
              id
              stock
            }
          }
        }
      }
    }
  }
`);

function ProductList(props: { cooperativeId: string }) {
  const t = useMessages(backofficeMessages);
  const { locale } = useI18n();
  const [{ data, fetching }] = useQuery({
    query: CoopProductsDocument,
    variables: { id: props.cooperativeId, languageCode: locale },
    requestPolicy: 'cache-and-network',
  });
  if (fetching && !data) return <Loading />;
  const products = data?.cooperative?.products.edges.map((e) => e.node) ?? [];
  return (
    <section>
      <h1>{t('products.title')}</h1>
      <p>
        <Link className="button" to="/coop/products/new">
          {t('product.new')}
        </Link>
      </p>
      {products.length === 0 ? <p>{t('products.none')}</p> : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('products.name')}</th>
            <th scope="col">{t('products.status')}</th>
            <th scope="col">{t('products.stock')}</th>
          </tr>
        </thead>
        <tbody>
          {products.map((p) => (
            <tr key={p.id}>
              <td>
                <Link to={`/coop/products/${p.id}`}>{p.name}</Link>
              </td>
              <td>{t(`productStatus.${p.status}`)}</td>
              <td>{p.variants.reduce((sum, v) => sum + v.stock, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** /coop/products: every product of the cooperative, drafts and archived ones included. */
export default function ProductListPage() {
  return <CoopGate>{(m) => <ProductList cooperativeId={m.cooperative.id} />}</CoopGate>;
}
