import type { CombinedError } from 'urql';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { errorCodeOf } from '../../../lib/graphql/errors';
import { Loading } from '../../../lib/ui/loading';
import { NotFound } from '../../../lib/ui/not-found';

/** What a console page shows while its query loads or when it failed (null once it has data). */
export function QueryState(props: { fetching: boolean; error?: CombinedError; hasData: boolean }) {
  const t = useMessages(commonMessages);
  if (props.hasData) return null;
  if (props.error) {
    const code = errorCodeOf(props.error);
    if (code === 'NOT_FOUND') return <NotFound />;
    return <p role="alert">{t(code === 'FORBIDDEN' ? 'error.forbidden' : 'error.generic')}</p>;
  }
  return props.fetching ? <Loading /> : null;
}
