import { Link } from 'react-router';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { storefrontMessages } from '../messages';
import { AssetImage } from './asset-image';

export interface ProductCardData {
  id: string;
  slug: string;
  name: string;
  priceRange: { min: { amount: number; currency: string } };
  images: { url: string; width?: number | null; height?: number | null }[];
  cooperative: { name: string };
}

/** A product in a list: photo, name, cooperative, lowest price. */
export function ProductCard(props: { product: ProductCardData }) {
  const { product } = props;
  const t = useMessages(storefrontMessages);
  const { money } = useI18n();
  const image = product.images[0];
  return (
    <li className="card product-card">
      {image ? <AssetImage asset={image} alt="" sizes="(max-width: 40rem) 50vw, 14rem" /> : null}
      <Link to={`/products/${product.slug}`}>
        <strong>{product.name}</strong>
      </Link>
      <span className="muted">{t('product.by', { name: product.cooperative.name })}</span>
      <span className="price">{t('product.from', { price: money(product.priceRange.min) })}</span>
    </li>
  );
}
