import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFound } from '../../lib/ui/not-found';

const HomePage = lazy(() => import('./home/home-page'));

/** The storefront's pages (the root router mounts it at /*). */
export default function StorefrontRoutes() {
  return (
    <Routes>
      <Route index element={<HomePage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
