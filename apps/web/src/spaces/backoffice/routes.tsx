import { Route, Routes } from 'react-router';
import { useMessages } from '../../lib/i18n/i18n-context';
import { NotFound } from '../../lib/ui/not-found';
import { SpacePlaceholder } from '../../lib/ui/space-placeholder';
import { backofficeMessages } from './messages';

function BackofficeHome() {
  const t = useMessages(backofficeMessages);
  return <SpacePlaceholder title={t('space.title')} />;
}

/** The cooperative space's pages (the root router mounts it at /coop/*). */
export default function BackofficeRoutes() {
  return (
    <Routes>
      <Route index element={<BackofficeHome />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
