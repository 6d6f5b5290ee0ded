import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { useSession } from '../../../lib/session/session-context';
import { Loading } from '../../../lib/ui/loading';
import { adminMessages } from '../messages';

/** Renders the console for ADMIN users only: a sign-in prompt for guests, "forbidden" for others. */
export function AdminGuard(props: { children: ReactNode }) {
  const { user, loading } = useSession();
  const location = useLocation();
  const common = useMessages(commonMessages);
  const t = useMessages(adminMessages);
  if (loading) return <Loading />;
  if (!user)
    return (
      <section>
        <h1>{t('space.title')}</h1>
        <p>{t('space.signIn')}</p>
        <Link to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}>
          {common('nav.signIn')}
        </Link>
      </section>
    );
  if (!user.roles.includes('ADMIN'))
    return (
      <section>
        <h1>{t('space.title')}</h1>
        <p role="alert">{common('error.forbidden')}</p>
      </section>
    );
  return <>{props.children}</>;
}
