import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFound } from '../../lib/ui/not-found';
import './admin.css';
import { AdminGuard } from './ui/admin-guard';
import { AdminNav } from './ui/admin-nav';

const AdminHomePage = lazy(() => import('./home/admin-home-page'));
const ApplicationQueuePage = lazy(() => import('./applications/application-queue-page'));
const ApplicationPage = lazy(() => import('./applications/application-page'));

/** The admin console's pages (the root router mounts it at /admin/*); ADMIN users only. */
export default function AdminRoutes() {
  return (
    <AdminGuard>
      <AdminNav />
      <Routes>
        <Route index element={<AdminHomePage />} />
        <Route path="applications" element={<ApplicationQueuePage />} />
        <Route path="applications/:id" element={<ApplicationPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </AdminGuard>
  );
}
