import { Route, Routes } from 'react-router';
import { useMessages } from '../../lib/i18n/i18n-context';
import { NotFound } from '../../lib/ui/not-found';
import { SpacePlaceholder } from '../../lib/ui/space-placeholder';
import { adminMessages } from './messages';

function AdminHome() {
  const t = useMessages(adminMessages);
  return <SpacePlaceholder title={t('space.title')} />;
}

/** The admin console's pages (the root router mounts it at /admin/*). */
export default function AdminRoutes() {
  return (
    <Routes>
      <Route index element={<AdminHome />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
