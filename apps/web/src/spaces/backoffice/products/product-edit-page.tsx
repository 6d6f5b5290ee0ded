import { useMutation, useQuery } from 'urql';
import { useParams } from 'react-router';
import { graphql } from '../../../gql';
import { errorCodeOf } from '../../../lib/graphql/errors';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { Loading } from '../../../lib/ui/loading';
import { NotFound } from '../../../lib/ui/not-found';
import { backofficeMessages } from '../messages';
import { CoopGate } from '../shared/coop-gate';
import { AddVariantForm } from './add-variant-form';
import { ProductPhotos } from './product-photos';
import { TranslationsEditor } from './translations-editor';
import { VariantRow } from './variant-row';

export const CoopProductDocument = graphql(`
  query CoopProduct($id: ID!, $languageCode: LanguageCode) {
    product(id: $id) {
      id
      slug
      status
      defaultLanguage
      name(languageCode: $languageCode)
      name_fr: name(languageCode: fr)
      name_ar: name(languageCode: ar)
      name_en: name(languageCode: en)
      description_fr: description(languageCode: fr)
      description_ar: description(languageCode: ar)
      description_en: description(languageCode: en)
      images {
        id
        url
        thumbnailUrl
      }
      variants {
        id
        sku
        stock
        price {
          amount
          currency
        }
        name(languageCode: $languageCode)
      }
    }
  }
`);

const CoopPublishProductDocument = graphql(`
  mutation CoopPublishProduct($id: ID!) {
    publishProduct(id: $id) {
      id
      status
    }
  }
`);

const CoopArchiveProductDocument = graphql(`
  mutation CoopArchiveProduct($id: ID!) {
    archiveProduct(id: $id) {
      id
      status
    }
  }
`);

function ProductEditor(props: { id: string }) {
  const t = useMessages(backofficeMessages);
  const { locale } = useI18n();
  const [{ data, fetching, error }, reload] = useQuery({
    query: CoopProductDocument,
    variables: { id: props.id, languageCode: locale },
    requestPolicy: 'cache-and-network',
  });
  const [publishing, publish] = useMutation(CoopPublishProductDocument);
  const [archiving, archive] = useMutation(CoopArchiveProductDocument);
  const refetch = () => reload({ requestPolicy: 'network-only' });
  const product = data?.product;
  if (fetching && !product) return <Loading />;
  if (!product || errorCodeOf(error) === 'NOT_FOUND') return <NotFound />;
  const statusError = publishing.error ?? archiving.error;
  return (
    <section>
      <h1>{product.name}</h1>
      <p>
        {t('products.status')}{' '}
        <strong data-testid="product-status">{t(`productStatus.${product.status}`)}</strong>{' '}
        {product.status === 'DRAFT' ? (
          <button
            type="button"
            className="primary"
            disabled={publishing.fetching}
            onClick={() => void publish({ id: product.id })}
          >
            {t('product.publish')}
          </button>
        ) : null}{' '}
        {product.status !== 'ARCHIVED' ? (
          <button
            type="button"
            disabled={archiving.fetching}
            onClick={() => void archive({ id: product.id })}
          >
            {t('product.archive')}
          </button>
        ) : null}
      </p>
      {statusError ? (
        <p className="form-error" role="alert">
          {statusError.graphQLErrors[0]?.message ?? t('error.generic')}
        </p>
      ) : null}
      <ProductPhotos productId={product.id} images={product.images} onChanged={refetch} />
      <h2>{t('variants.title')}</h2>
      <ul className="variant-list">
        {product.variants.map((v) => (
          <VariantRow key={v.id} variant={v} onChanged={refetch} />
        ))}
      </ul>
      <AddVariantForm productId={product.id} onAdded={refetch} />
      <TranslationsEditor product={product} onSaved={refetch} />
    </section>
  );
}

/** /coop/products/:id: status, photos, variants and stock, translations of one product. */
export default function ProductEditPage() {
  const { id = '' } = useParams();
  return <CoopGate>{() => <ProductEditor id={id} />}</CoopGate>;
}
