import { Link } from 'react-router';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { adminMessages } from '../messages';
import { ADMIN_SECTIONS } from '../ui/admin-nav';

/** /admin: the console's sections. */
export default function AdminHomePage() {
  const t = useMessages(adminMessages);
  return (
    <section>
      <h1>{t('space.title')}</h1>
      <ul className="card-grid">
        {ADMIN_SECTIONS.map((s) => (
          <li key={s.path} className="card">
            <Link to={s.path}>{t(s.label)}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
