/** Widths of the API's image variants (README, Assets: thumbnail 200, medium 800, large 1600). */
const VARIANTS = [
  ['thumbnail', 200],
  ['medium', 800],
  ['large', 1600],
] as const;

function withVariant(url: string, variant: string): string {
  const u = new URL(url, window.location.origin);
  u.searchParams.set('variant', variant);
  return u.origin === window.location.origin ? `${u.pathname}${u.search}` : u.toString();
}

/** `srcset` over the asset's variants, so a phone downloads the 200 or 800 px copy. */
export function assetSrcSet(url: string): string {
  return VARIANTS.map(([name, width]) => `${withVariant(url, name)} ${width}w`).join(', ');
}

/** An uploaded image through its variants; `sizes` says how wide it is shown. */
export function AssetImage(props: {
  asset: { url: string; width?: number | null; height?: number | null };
  alt: string;
  sizes: string;
  eager?: boolean;
  className?: string;
}) {
  const { asset } = props;
  return (
    <img
      className={props.className}
      src={withVariant(asset.url, 'medium')}
      srcSet={assetSrcSet(asset.url)}
      sizes={props.sizes}
      alt={props.alt}
      width={asset.width ?? undefined}
      height={asset.height ?? undefined}
      loading={props.eager ? 'eager' : 'lazy'}
      decoding="async"
    />
  );
}
