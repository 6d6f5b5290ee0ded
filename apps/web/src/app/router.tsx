import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './layout';

// One line per space; each is its own chunk, loaded when its URL is first visited.
const Storefront = lazy(() => import('../spaces/storefront/routes'));
const Backoffice = lazy(() => import('../spaces/backoffice/routes'));
const Admin = lazy(() => import('../spaces/admin/routes'));
const Partner = lazy(() => import('../spaces/partner/routes'));

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<Layout />}>
          <Route path="/coop/*" element={<Backoffice />} />
          <Route path="/admin/*" element={<Admin />} />
          <Route path="/partner/*" element={<Partner />} />
          <Route path="/*" element={<Storefront />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
