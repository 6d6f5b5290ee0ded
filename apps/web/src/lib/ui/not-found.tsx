import { commonMessages } from '../i18n/common-messages';
import { useMessages } from '../i18n/i18n-context';

/** The page for an unknown route or an unknown slug/number. */
export function NotFound() {
  const t = useMessages(commonMessages);
  return (
    <section className="not-found">
      <h1>{t('error.notFound')}</h1>
    </section>
  );
}
