import { commonMessages } from '../i18n/common-messages';
import { useMessages } from '../i18n/i18n-context';

export function Loading() {
  const t = useMessages(commonMessages);
  return (
    <p className="loading" role="status">
      {t('loading')}
    </p>
  );
}
