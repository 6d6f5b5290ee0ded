import { NavLink } from 'react-router';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { adminMessages, type AdminKey } from '../messages';

/** The console's sections, in the order an admin works through them. */
export const ADMIN_SECTIONS: readonly { path: string; label: AdminKey }[] = [
  { path: '/admin/applications', label: 'nav.applications' },
  { path: '/admin/profile-changes', label: 'nav.profileChanges' },
  { path: '/admin/certifications', label: 'nav.certifications' },
  { path: '/admin/cooperatives', label: 'nav.cooperatives' },
  { path: '/admin/partners', label: 'nav.partners' },
  { path: '/admin/identity-requests', label: 'nav.identityRequests' },
  { path: '/admin/payouts', label: 'nav.payouts' },
  { path: '/admin/statistics', label: 'nav.statistics' },
];

export function AdminNav() {
  const t = useMessages(adminMessages);
  return (
    <nav className="admin-nav" aria-label={t('nav.label')}>
      <ul>
        {ADMIN_SECTIONS.map((s) => (
          <li key={s.path}>
            <NavLink to={s.path}>{t(s.label)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
