import { Route, Routes } from 'react-router';
import { useMessages } from '../../lib/i18n/i18n-context';
import { NotFound } from '../../lib/ui/not-found';
import { SpacePlaceholder } from '../../lib/ui/space-placeholder';
import { partnerMessages } from './messages';

function PartnerHome() {
  const t = useMessages(partnerMessages);
  return <SpacePlaceholder title={t('space.title')} />;
}

/** The partner space's pages (the root router mounts it at /partner/*). */
export default function PartnerRoutes() {
  return (
    <Routes>
      <Route index element={<PartnerHome />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
