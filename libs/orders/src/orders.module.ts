import { Module } from '@nestjs/common';
import { CatalogModule } from '@taawoun/catalog';
import { CooperativesModule } from '@taawoun/cooperatives';
import { CartRepository } from './carts/cart.repository.js';
import { CartService } from './carts/cart.service.js';
import { CheckoutRepository } from './checkout/checkout.repository.js';
import { CheckoutService } from './checkout/checkout.service.js';
import { OrderRepository } from './orders/order.repository.js';
import { OrderService } from './orders/order.service.js';
import { OrderLoaders } from './orders/order.loaders.js';
import {
  OrderFieldsResolver,
  OrderLineFieldsResolver,
  SubOrderFieldsResolver,
} from './orders/order-fields.resolver.js';
import { CartLineFieldsResolver } from './carts/cart-fields.resolver.js';
import { CartResolver } from './carts/cart.resolver.js';
import { CheckoutResolver } from './checkout/checkout.resolver.js';
import { OrderResolver } from './orders/order.resolver.js';
import { FulfilmentRepository } from './fulfilment/fulfilment.repository.js';
import { FulfilmentResolver } from './fulfilment/fulfilment.resolver.js';
import { FulfilmentService } from './fulfilment/fulfilment.service.js';
import { OrderMailRepository } from './notifications/order-mail.repository.js';
import { OrderMails } from './notifications/order-mails.js';
import { OrderPayments } from './payments/order-payments.js';
import { StorefrontSettingsResolver } from './settings/storefront-settings.resolver.js';

/** Carts, checkout, orders and sub-orders. */
@Module({
  imports: [CooperativesModule, CatalogModule],
  providers: [
    CartRepository,
    CartService,
    CartLineFieldsResolver,
    CartResolver,
    CheckoutRepository,
    CheckoutService,
    CheckoutResolver,
    OrderRepository,
    OrderService,
    OrderResolver,
    OrderLoaders,
    OrderFieldsResolver,
    SubOrderFieldsResolver,
    OrderLineFieldsResolver,
    FulfilmentRepository,
    FulfilmentService,
    FulfilmentResolver,
    OrderMailRepository,
    OrderMails,
    OrderPayments,
    StorefrontSettingsResolver,
  ],
  exports: [OrderService, OrderLoaders, OrderRepository, FulfilmentService, OrderMails, OrderPayments],
})
export class OrdersModule {}
