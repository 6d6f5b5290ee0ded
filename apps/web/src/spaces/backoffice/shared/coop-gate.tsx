import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { Loading } from '../../../lib/ui/loading';
import { backofficeMessages } from '../messages';
import { useMyCooperative, type MyMembership } from './use-my-cooperative';

/** The back office's section links. */
export function CoopNav() {
  const t = useMessages(backofficeMessages);
  const links = [
    ['/coop', 'nav.overview'],
    ['/coop/products', 'nav.products'],
    ['/coop/orders', 'nav.orders'],
    ['/coop/brand-kit', 'nav.brandKit'],
    ['/coop/profile', 'nav.profile'],
    ['/coop/members', 'nav.members'],
    ['/coop/certifications', 'nav.certifications'],
    ['/coop/finance', 'nav.finance'],
  ] as const;
  return (
    <nav aria-label={t('nav.label')} className="space-nav">
      <ul>
        {links.map(([to, key]) => (
          <li key={to}>
            <NavLink to={to} end={to === '/coop'}>
              {t(key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Renders `children` with the user's cooperative membership; a guest is asked to sign in, a
 * user without a cooperative is offered the application form.
 */
export function CoopGate(props: { children(membership: MyMembership): ReactNode }) {
  const t = useMessages(backofficeMessages);
  const { loading, signedIn, membership } = useMyCooperative();
  if (loading) return <Loading />;
  if (!signedIn)
    return (
      <section>
        <h1>{t('space.title')}</h1>
        <p>
          <Link to="/sign-in">{t('gate.signIn')}</Link>
        </p>
      </section>
    );
  if (!membership)
    return (
      <section>
        <h1>{t('space.title')}</h1>
        <p>{t('gate.noCooperative')}</p>
        <p>
          <Link className="button" to="/coop/apply">
            {t('gate.apply')}
          </Link>
        </p>
      </section>
    );
  return (
    <>
      <CoopNav />
      {props.children(membership)}
    </>
  );
}
