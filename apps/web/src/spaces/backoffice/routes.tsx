import './backoffice.css';
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFound } from '../../lib/ui/not-found';

const CoopHomePage = lazy(() => import('./home/coop-home-page'));
const ApplyPage = lazy(() => import('./apply/apply-page'));
const ProductListPage = lazy(() => import('./products/product-list-page'));
const ProductNewPage = lazy(() => import('./products/product-new-page'));
const ProductEditPage = lazy(() => import('./products/product-edit-page'));
const OrdersPage = lazy(() => import('./orders/orders-page'));
const BrandKitPage = lazy(() => import('./brand-kit/brand-kit-page'));
const ProfilePage = lazy(() => import('./profile/profile-page'));
const MembersPage = lazy(() => import('./members/members-page'));
const CertificationsPage = lazy(() => import('./certifications/certifications-page'));
const FinancePage = lazy(() => import('./finance/finance-page'));

/** The cooperative space's pages (the root router mounts it at /coop/*). */
export default function BackofficeRoutes() {
  return (
    <Routes>
      <Route index element={<CoopHomePage />} />
      <Route path="apply" element={<ApplyPage />} />
      <Route path="products" element={<ProductListPage />} />
      <Route path="products/new" element={<ProductNewPage />} />
      <Route path="products/:id" element={<ProductEditPage />} />
      <Route path="orders" element={<OrdersPage />} />
      <Route path="brand-kit" element={<BrandKitPage />} />
      <Route path="profile" element={<ProfilePage />} />
      <Route path="members" element={<MembersPage />} />
      <Route path="certifications" element={<CertificationsPage />} />
      <Route path="finance" element={<FinancePage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
