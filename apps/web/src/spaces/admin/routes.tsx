import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFound } from '../../lib/ui/not-found';
import './admin.css';
import { AdminGuard } from './ui/admin-guard';
import { AdminNav } from './ui/admin-nav';

const AdminHomePage = lazy(() => import('./home/admin-home-page'));
const ApplicationQueuePage = lazy(() => import('./applications/application-queue-page'));
const ApplicationPage = lazy(() => import('./applications/application-page'));
const ProfileChangesPage = lazy(() => import('./cooperatives/profile-changes-page'));
const CertificationsPage = lazy(() => import('./certifications/certifications-page'));
const CooperativesPage = lazy(() => import('./cooperatives/cooperatives-page'));
const CooperativePage = lazy(() => import('./cooperatives/cooperative-page'));
const PartnersPage = lazy(() => import('./partners/partners-page'));
const IdentityRequestsPage = lazy(() => import('./identity/identity-requests-page'));
const PayoutsPage = lazy(() => import('./payouts/payouts-page'));
const StatisticsPage = lazy(() => import('./statistics/statistics-page'));

/** The admin console's pages (the root router mounts it at /admin/*); ADMIN users only. */
export default function AdminRoutes() {
  return (
    <AdminGuard>
      <AdminNav />
      <Routes>
        <Route index element={<AdminHomePage />} />
        <Route path="applications" element={<ApplicationQueuePage />} />
        <Route path="applications/:id" element={<ApplicationPage />} />
        <Route path="profile-changes" element={<ProfileChangesPage />} />
        <Route path="certifications" element={<CertificationsPage />} />
        <Route path="cooperatives" element={<CooperativesPage />} />
        <Route path="cooperatives/:id" element={<CooperativePage />} />
        <Route path="partners" element={<PartnersPage />} />
        <Route path="identity-requests" element={<IdentityRequestsPage />} />
        <Route path="payouts" element={<PayoutsPage />} />
        <Route path="statistics" element={<StatisticsPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </AdminGuard>
  );
}
