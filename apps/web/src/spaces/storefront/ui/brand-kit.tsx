import { AssetImage } from './asset-image';

export interface BrandKitData {
  primaryColor?: string | null;
  secondaryColor?: string | null;
  tagline?: string | null;
  logo?: { url: string; width?: number | null; height?: number | null } | null;
  banner?: { url: string; width?: number | null; height?: number | null } | null;
}

/** Accepts only "#RRGGBB" (as the API stores), so nothing else reaches a style attribute. */
function safeColor(value: string | null | undefined): string | undefined {
  if (!value || value.length !== 7 || value[0] !== '#') return undefined;
  for (let i = 1; i < 7; i++) if (!'0123456789abcdefABCDEF'.includes(value[i])) return undefined;
  return value;
}

/** A cooperative's banner, logo, colours and tagline, when it has a brand kit. */
export function BrandKitBanner(props: { name: string; kit: BrandKitData | null | undefined }) {
  const { kit, name } = props;
  if (!kit) return null;
  const primary = safeColor(kit.primaryColor);
  const secondary = safeColor(kit.secondaryColor);
  return (
    <div
      className="brand-kit"
      data-testid="brand-kit"
      style={{ borderColor: primary, background: secondary ? `${secondary}22` : undefined }}
    >
      {kit.banner ? (
        <AssetImage asset={kit.banner} alt="" sizes="100vw" className="brand-banner" eager />
      ) : null}
      <div className="brand-identity">
        {kit.logo ? <AssetImage asset={kit.logo} alt={name} sizes="4rem" className="brand-logo" /> : null}
        {kit.tagline ? (
          <p className="brand-tagline" style={{ color: primary }}>
            {kit.tagline}
          </p>
        ) : null}
      </div>
    </div>
  );
}
