import '../backoffice/backoffice.css';
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFound } from '../../lib/ui/not-found';

const RequestsPage = lazy(() => import('./requests/requests-page'));

/** The partner space's pages (the root router mounts it at /partner/*). */
export default function PartnerRoutes() {
  return (
    <Routes>
      <Route index element={<RequestsPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
