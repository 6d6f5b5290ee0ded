import { Suspense } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { commonMessages } from '../lib/i18n/common-messages';
import { useI18n, useMessages } from '../lib/i18n/i18n-context';
import { isLocale, LOCALES } from '../lib/i18n/locale';
import { useSession } from '../lib/session/session-context';
import { Loading } from '../lib/ui/loading';

function LanguageSwitcher() {
  const { locale, setLocale } = useI18n();
  const t = useMessages(commonMessages);
  return (
    <label className="language-switcher">
      <span>{t('language.label')}</span>
      <select
        value={locale}
        onChange={(e) => {
          if (isLocale(e.target.value)) setLocale(e.target.value);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The frame of every page: skip link, header (navigation, language, account), main, footer. */
export function Layout() {
  const t = useMessages(commonMessages);
  const { user, signOut } = useSession();
  const location = useLocation();
  // Back to the page the visitor was on after signing in (not to the sign-in page itself).
  const next = location.pathname.startsWith('/sign-in') ? '/' : `${location.pathname}${location.search}`;
  const isMember = (user?.memberships.length ?? 0) > 0;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('nav.main')}>
          <ul>
            <li>
              <NavLink to="/products">{t('nav.products')}</NavLink>
            </li>
            <li>
              <NavLink to="/cart">{t('nav.cart')}</NavLink>
            </li>
            {isMember ? (
              <li>
                <NavLink to="/coop">{t('nav.coop')}</NavLink>
              </li>
            ) : null}
            {user?.roles.includes('ADMIN') ? (
              <li>
                <NavLink to="/admin">{t('nav.admin')}</NavLink>
              </li>
            ) : null}
            {user?.roles.includes('PARTNER') ? (
              <li>
                <NavLink to="/partner">{t('nav.partner')}</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        <div className="header-tools">
          <LanguageSwitcher />
          {user ? (
            <>
              <NavLink to="/account">{t('nav.account')}</NavLink>
              <button type="button" className="link-button" onClick={() => void signOut()}>
                {t('nav.signOut')}
              </button>
            </>
          ) : (
            <NavLink to={`/sign-in?next=${encodeURIComponent(next)}`}>{t('nav.signIn')}</NavLink>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>{t('app.name')}</p>
      </footer>
    </>
  );
}
