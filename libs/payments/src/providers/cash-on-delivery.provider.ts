import { Injectable } from '@nestjs/common';
import {
  PaymentProvider,
  type RefundInput,
  type RefundResult,
  type StartedPayment,
  type StartPaymentInput,
} from './payment-provider.js';

/**
 * Cash on delivery: nothing to start (the cooperative collects the total at delivery, recorded
 * as CASH_COLLECTED), and a refund is money the cooperative hands back, recorded as done.
 */
@Injectable()
export class CashOnDeliveryProvider extends PaymentProvider {
  readonly name = 'cash';
  readonly method = 'CASH_ON_DELIVERY' as const;

  available(): boolean {
    return true;
  }

  startPayment(input: StartPaymentInput): Promise<StartedPayment> {
    return Promise.resolve({ providerRef: `cash:${input.orderId}`, clientSecret: null });
  }

  refund(input: RefundInput): Promise<RefundResult> {
    return Promise.resolve({ providerRef: `cash:${input.refundId}`, status: 'SUCCEEDED' });
  }
}
