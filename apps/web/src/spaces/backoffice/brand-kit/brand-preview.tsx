import { useMessages } from '../../../lib/i18n/i18n-context';
import { backofficeMessages } from '../messages';

export interface BrandLook {
  logo?: { url: string; thumbnailUrl?: string | null } | null;
  banner?: { url: string } | null;
  primaryColor?: string | null;
  secondaryColor?: string | null;
  tagline?: string | null;
}

/** A proposal or brand kit as it would look: logo, colours (named, not only shown), tagline, banner. */
export function BrandPreview(props: { look: BrandLook; name: string }) {
  const t = useMessages(backofficeMessages);
  const { look } = props;
  return (
    <div className="brand-preview" style={{ borderColor: look.primaryColor ?? undefined }}>
      {look.logo ? (
        <img
          src={look.logo.thumbnailUrl ?? look.logo.url}
          alt={t('brand.logoOf', { name: props.name })}
          width={96}
          height={96}
        />
      ) : null}
      {look.tagline ? <p className="tagline">{look.tagline}</p> : null}
      <p>
        {look.primaryColor ? (
          <span>
            <span className="swatch" style={{ background: look.primaryColor }} aria-hidden="true" />{' '}
            {t('brand.primaryColor')}: <code>{look.primaryColor}</code>
          </span>
        ) : null}{' '}
        {look.secondaryColor ? (
          <span>
            <span className="swatch" style={{ background: look.secondaryColor }} aria-hidden="true" />{' '}
            {t('brand.secondaryColor')}: <code>{look.secondaryColor}</code>
          </span>
        ) : null}
      </p>
      {look.banner ? <img src={look.banner.url} alt={t('brand.bannerOf', { name: props.name })} /> : null}
    </div>
  );
}
