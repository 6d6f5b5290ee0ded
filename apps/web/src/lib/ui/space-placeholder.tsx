import { commonMessages } from '../i18n/common-messages';
import { useMessages } from '../i18n/i18n-context';

/** What a space shows until its pages exist. */
export function SpacePlaceholder(props: { title: string }) {
  const t = useMessages(commonMessages);
  return (
    <section>
      <h1>{props.title}</h1>
      <p>{t('placeholder.soon')}</p>
    </section>
  );
}
