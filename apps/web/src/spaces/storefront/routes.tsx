import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFound } from '../../lib/ui/not-found';
import { CartProvider } from './cart/cart-context';

// Each page is its own chunk: the first route only loads what it shows.
const HomePage = lazy(() => import('./home/home-page'));
const CatalogPage = lazy(() => import('./catalog/catalog-page'));
const ProductPage = lazy(() => import('./product/product-page'));
const CooperativePage = lazy(() => import('./cooperative/cooperative-page'));
const CartPage = lazy(() => import('./cart/cart-page'));
const CheckoutPage = lazy(() => import('./checkout/checkout-page'));
const OrderPage = lazy(() => import('./order/order-page'));
const SignInPage = lazy(() => import('./account/sign-in-page'));
const RegisterPage = lazy(() => import('./account/register-page'));
const VerifyEmailPage = lazy(() => import('./account/verify-email-page'));
const AccountPage = lazy(() => import('./account/account-page'));
const ForgotPasswordPage = lazy(() =>
  import('./account/password-reset-pages').then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import('./account/password-reset-pages').then((m) => ({ default: m.ResetPasswordPage })),
);

/** The storefront's pages (the root router mounts it at /*). */
export default function StorefrontRoutes() {
  return (
    <CartProvider>
      <Routes>
        <Route index element={<HomePage />} />
        <Route path="products" element={<CatalogPage />} />
        <Route path="products/:slug" element={<ProductPage />} />
        <Route path="cooperatives/:slug" element={<CooperativePage />} />
        <Route path="cart" element={<CartPage />} />
        <Route path="checkout" element={<CheckoutPage />} />
        <Route path="orders/:number" element={<OrderPage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="verify-email" element={<VerifyEmailPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </CartProvider>
  );
}
