import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { Loading } from '../../../lib/ui/loading';
import { NotFound } from '../../../lib/ui/not-found';
import { useCart } from '../cart/cart-context';
import { storefrontMessages } from '../messages';
import { AssetImage } from '../ui/asset-image';
import { BrandKitBanner } from '../ui/brand-kit';

const StoreProductDocument = graphql(`
  query StoreProduct($slug: String!, $lang: LanguageCode) {
    product(slug: $slug) {
      id
      slug
      name(languageCode: $lang)
      description(languageCode: $lang)
      images {
        id
        url
        width
        height
      }
      category {
        code
        name(languageCode: $lang)
      }
      variants {
        id
        sku
        name(languageCode: $lang)
        inStock
        stock
        price {
          amount
          currency
        }
        options {
          name
          value
        }
      }
      certifications {
        id
        type
        reference
        valid
        expiresOn
      }
      cooperative {
        id
        slug
        name
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
      }
    }
  }
`);

/** /products/<slug>: photos, variants with prices and stock, certifications, the cooperative's brand kit. */
export default function ProductPage() {
  const { slug = '' } = useParams();
  const t = useMessages(storefrontMessages);
  const tc = useMessages(commonMessages);
  const { locale, money, date } = useI18n();
  const cart = useCart();
  const [{ data, fetching }] = useQuery({ query: StoreProductDocument, variables: { slug, lang: locale } });
  const [variantId, setVariantId] = useState<string | null>(null);
  const [quantity, setQuantity] = useState('1');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [adding, setAdding] = useState(false);

  if (!data) return fetching ? <Loading /> : <NotFound />;
  const product = data.product;
  if (!product) return <NotFound />;
  const chosen =
    product.variants.find((v) => v.id === variantId) ??
    product.variants.find((v) => v.inStock) ??
    product.variants[0];
  const validCertifications = product.certifications.filter((c) => c.valid);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    setAdding(true);
    const error = await cart.add(chosen.id, Number(quantity));
    setAdding(false);
    setMessage(
      error
        ? { ok: false, text: error.graphQLErrors[0]?.message ?? error.message }
        : { ok: true, text: t('product.added') },
    );
  };

  return (
    <article className="product-page">
      <BrandKitBanner name={product.cooperative.name} kit={product.cooperative.brandKit} />
      <h1>{product.name}</h1>
      <p>
        <Link to={`/cooperatives/${product.cooperative.slug}`}>
          {t('product.by', { name: product.cooperative.name })}
        </Link>
        {' · '}
        <span>{product.category.name}</span>
      </p>
      {product.images.length ? (
        <ul className="gallery">
          {product.images.map((image, i) => (
            <li key={image.id}>
              <AssetImage
                asset={image}
                alt={t('product.photo', { name: product.name })}
                sizes="(max-width: 40rem) 100vw, 36rem"
                eager={i === 0}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {product.description ? <p className="description">{product.description}</p> : null}

      <form onSubmit={(e) => void add(e)} className="buy-box">
        <fieldset>
          <legend>{t('product.variant')}</legend>
          {product.variants.map((v) => (
            <label key={v.id} className="variant-option">
              <input
                type="radio"
                name="variant"
                value={v.id}
                checked={chosen?.id === v.id}
                disabled={!v.inStock}
                onChange={() => setVariantId(v.id)}
              />
              <span>{v.name}</span>
              <span className="price">{money(v.price)}</span>
              <span className="muted">{v.inStock ? t('product.inStock') : t('product.outOfStock')}</span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="quantity">{t('product.quantity')}</label>
          <input
            id="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={Math.max(1, Math.min(99, chosen?.stock ?? 1))}
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
          />
        </div>
        <button type="submit" className="primary" disabled={!chosen?.inStock || adding}>
          {t('product.addToCart')}
        </button>
        {message ? (
          <p role="status" className={message.ok ? 'success' : 'form-error'}>
            {message.text} {message.ok ? <Link to="/cart">{tc('nav.cart')}</Link> : null}
          </p>
        ) : null}
      </form>

      {validCertifications.length ? (
        <section aria-labelledby="certifications-title">
          <h2 id="certifications-title">{t('product.certifications')}</h2>
          <ul className="certifications">
            {validCertifications.map((c) => (
              <li key={c.id}>
                <strong>{t(`cert.${c.type}`)}</strong> · {c.reference} ·{' '}
                {c.expiresOn ? t('product.validUntil', { date: date(c.expiresOn) }) : t('product.noExpiry')}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
