import { LanguageCode, type MoneyValue } from '@taawoun/core';
import { formatMoney } from './format-money.js';
import type { RenderedEmail } from './templates.js';

/** One order line as an e-mail shows it (a snapshot taken at checkout). */
export interface OrderMailLine {
  productName: string;
  sku: string;
  quantity: number;
  unitPrice: MoneyValue;
  lineTotal: MoneyValue;
}

/** One cooperative's part of an order (a sub-order) with its amounts. */
export interface OrderMailPart {
  cooperativeName: string;
  lines: OrderMailLine[];
  subtotal: MoneyValue;
  shippingFee: MoneyValue;
  total: MoneyValue;
}

export type OrderMailPaymentMethod = 'CARD' | 'CASH_ON_DELIVERY';

/** Who the message is for; a guest's order links carry its access token. */
interface BuyerMail {
  /** The name on the shipping address. */
  fullName: string;
  orderNumber: string;
  /**
   * The guest access token, for a guest's order: the link is then
   * PUBLIC_URL/orders/<number>?token=<token>. Absent for a signed-in buyer. The outbox forgets
   * it once the message is sent.
   */
  token?: string;
}

/** The buyer's confirmation, sent when the order is created. */
export interface OrderPlacedParams extends BuyerMail {
  paymentMethod: OrderMailPaymentMethod;
  /** A CARD order waiting for its payment: its stock is held this many minutes. */
  awaitingPaymentMinutes?: number;
  parts: OrderMailPart[];
  total: MoneyValue;
}

/** A new order for a cooperative's owners and managers: their sub-order only. */
export interface OrderReceivedParams {
  cooperativeName: string;
  orderNumber: string;
  paymentMethod: OrderMailPaymentMethod;
  part: OrderMailPart;
  /** The platform's share; the cooperative receives total - commission. */
  commission: MoneyValue;
  /** City to ship to (the full address is in the back office). */
  shipToCity: string;
}

export interface SubOrderShippedParams extends BuyerMail {
  cooperativeName: string;
  carrier: string;
  trackingNumber: string;
  lines: OrderMailLine[];
}

export interface SubOrderDeliveredParams extends BuyerMail {
  cooperativeName: string;
  /** Cash on delivery: the amount the buyer paid at the door. */
  cashCollected?: MoneyValue;
}

/** Who cancelled. */
export type CancelledBy = 'BUYER' | 'COOPERATIVE' | 'ADMIN';

/** The buyer's notice that the whole order is cancelled. */
export interface OrderCancelledParams extends BuyerMail {
  cancelledBy: CancelledBy;
  reason?: string;
  /** The parts this cancellation stopped (a part shipped earlier is not among them). */
  parts: OrderMailPart[];
  paymentMethod: OrderMailPaymentMethod;
}

/**
 * One cooperative's part cancelled: to the buyer (`recipient: 'BUYER'`), or to the cooperative's
 * owners and managers when someone else cancelled it (`recipient: 'COOPERATIVE'`).
 */
export interface SubOrderCancelledParams extends BuyerMail {
  recipient: 'BUYER' | 'COOPERATIVE';
  cancelledBy: CancelledBy;
  reason?: string;
  part: OrderMailPart;
  paymentMethod: OrderMailPaymentMethod;
}

/** A CARD order not paid within CARD_HOLD_MINUTES, cancelled by the hold-expiry job. */
export interface OrderExpiredParams extends BuyerMail {
  holdMinutes: number;
  total: MoneyValue;
}

/** The buyer's receipt: the card payment of the order arrived (issue 11). */
export interface PaymentReceivedParams extends BuyerMail {
  total: MoneyValue;
}

/** The buyer's notice of a refund of (part of) one cooperative's part (issue 11). */
export interface RefundIssuedParams extends BuyerMail {
  cooperativeName: string;
  amount: MoneyValue;
}

export interface OrderTemplateParams {
  'order-placed': OrderPlacedParams;
  'order-received': OrderReceivedParams;
  'sub-order-shipped': SubOrderShippedParams;
  'sub-order-delivered': SubOrderDeliveredParams;
  'order-cancelled': OrderCancelledParams;
  'sub-order-cancelled': SubOrderCancelledParams;
  'order-expired': OrderExpiredParams;
  'payment-received': PaymentReceivedParams;
  'refund-issued': RefundIssuedParams;
}

type Link = (path: string, token?: string) => string;
type Renderer<P> = (params: P, link: Link) => RenderedEmail;

const LABELS = {
  fr: {
    subtotal: 'Sous-total',
    shipping: 'Livraison',
    total: 'Total',
    orderTotal: 'Total de la commande',
    commission: 'Commission de la plateforme',
    net: 'Montant pour la coopérative',
    by: { BUYER: "l'acheteur", COOPERATIVE: 'la coopérative', ADMIN: "l'équipe Taawoun" },
    reason: 'Motif',
    follow: 'Suivre votre commande :',
  },
  ar: {
    subtotal: 'المجموع الفرعي',
    shipping: 'الشحن',
    total: 'المجموع',
    orderTotal: 'مجموع الطلب',
    commission: 'عمولة المنصة',
    net: 'المبلغ العائد للتعاونية',
    by: { BUYER: 'المشتري', COOPERATIVE: 'التعاونية', ADMIN: 'فريق تعاون' },
    reason: 'السبب',
    follow: 'تابع طلبك:',
  },
  en: {
    subtotal: 'Subtotal',
    shipping: 'Shipping',
    total: 'Total',
    orderTotal: 'Order total',
    commission: 'Platform commission',
    net: 'Amount for the cooperative',
    by: { BUYER: 'the buyer', COOPERATIVE: 'the cooperative', ADMIN: 'the Taawoun team' },
    reason: 'Reason',
    follow: 'Follow your order:',
  },
} as const satisfies Record<LanguageCode, unknown>;

function lineText(line: OrderMailLine, lang: LanguageCode): string {
  return `  ${line.quantity} × ${line.productName} (${line.sku}): ${formatMoney(line.unitPrice, lang)} → ${formatMoney(line.lineTotal, lang)}`;
}

function partText(part: OrderMailPart, lang: LanguageCode, withName = true): string {
  const l = LABELS[lang];
  return [
    ...(withName ? [part.cooperativeName] : []),
    ...part.lines.map((line) => lineText(line, lang)),
    `  ${l.subtotal}: ${formatMoney(part.subtotal, lang)}`,
    `  ${l.shipping}: ${formatMoney(part.shippingFee, lang)}`,
    `  ${l.total}: ${formatMoney(part.total, lang)}`,
  ].join('\n');
}

/** The buyer's link to the order; a guest's carries the access token. */
function orderLink(p: BuyerMail, link: Link): string {
  return link(`/orders/${encodeURIComponent(p.orderNumber)}`, p.token);
}

function reasonText(reason: string | undefined, lang: LanguageCode): string {
  return reason ? `\n${LABELS[lang].reason}: ${reason}` : '';
}

export const ORDER_TEMPLATES: {
  [T in keyof OrderTemplateParams]: Record<LanguageCode, Renderer<OrderTemplateParams[T]>>;
} = {
  'order-placed': {
    fr: (p, link) => ({
      subject: `Commande ${p.orderNumber} confirmée`,
      text: `Bonjour ${p.fullName},\n\nMerci pour votre commande ${p.orderNumber}.\n${
        p.awaitingPaymentMinutes !== undefined
          ? `Vos articles sont réservés ${p.awaitingPaymentMinutes} minutes, le temps de finaliser le paiement par carte.`
          : p.paymentMethod === 'CASH_ON_DELIVERY'
            ? `Vous paierez ${formatMoney(p.total, LanguageCode.fr)} en espèces à la livraison.`
            : 'Votre paiement par carte est enregistré.'
      }\nChaque coopérative expédie sa part séparément.\n\n${p.parts
        .map((part) => partText(part, LanguageCode.fr))
        .join(
          '\n\n',
        )}\n\n${LABELS.fr.orderTotal}: ${formatMoney(p.total, LanguageCode.fr)}\n\n${LABELS.fr.follow}\n${orderLink(p, link)}`,
    }),
    ar: (p, link) => ({
      subject: `تم تأكيد الطلب ${p.orderNumber}`,
      text: `مرحبا ${p.fullName}،\n\nشكرا على طلبك ${p.orderNumber}.\n${
        p.awaitingPaymentMinutes !== undefined
          ? `منتجاتك محجوزة لمدة ${p.awaitingPaymentMinutes} دقيقة لإتمام الدفع بالبطاقة.`
          : p.paymentMethod === 'CASH_ON_DELIVERY'
            ? `ستدفع ${formatMoney(p.total, LanguageCode.ar)} نقدا عند التسليم.`
            : 'تم تسجيل دفعك بالبطاقة.'
      }\nكل تعاونية تشحن الجزء الخاص بها على حدة.\n\n${p.parts
        .map((part) => partText(part, LanguageCode.ar))
        .join(
          '\n\n',
        )}\n\n${LABELS.ar.orderTotal}: ${formatMoney(p.total, LanguageCode.ar)}\n\n${LABELS.ar.follow}\n${orderLink(p, link)}`,
    }),
    en: (p, link) => ({
      subject: `Order ${p.orderNumber} confirmed`,
      text: `Hello ${p.fullName},\n\nThank you for your order ${p.orderNumber}.\n${
        p.awaitingPaymentMinutes !== undefined
          ? `Your items are held for ${p.awaitingPaymentMinutes} minutes while you complete the card payment.`
          : p.paymentMethod === 'CASH_ON_DELIVERY'
            ? `You will pay ${formatMoney(p.total, LanguageCode.en)} in cash on delivery.`
            : 'Your card payment is recorded.'
      }\nEach cooperative ships its part separately.\n\n${p.parts
        .map((part) => partText(part, LanguageCode.en))
        .join(
          '\n\n',
        )}\n\n${LABELS.en.orderTotal}: ${formatMoney(p.total, LanguageCode.en)}\n\n${LABELS.en.follow}\n${orderLink(p, link)}`,
    }),
  },
  'order-received': {
    fr: (p, link) => ({
      subject: `Nouvelle commande ${p.orderNumber} pour ${p.cooperativeName}`,
      text: `Bonjour,\n\n${p.cooperativeName} a reçu la commande ${p.orderNumber} (${
        p.paymentMethod === 'CASH_ON_DELIVERY' ? 'paiement à la livraison' : 'payée par carte'
      }), à expédier à ${p.shipToCity} :\n\n${partText(p.part, LanguageCode.fr, false)}\n  ${LABELS.fr.commission}: ${formatMoney(p.commission, LanguageCode.fr)}\n  ${LABELS.fr.net}: ${formatMoney({ amount: p.part.total.amount - p.commission.amount, currency: p.part.total.currency }, LanguageCode.fr)}\n\nPréparez-la et indiquez le transporteur et le numéro de suivi à l'expédition :\n${link('/cooperative/orders')}`,
    }),
    ar: (p, link) => ({
      subject: `طلب جديد ${p.orderNumber} لـ ${p.cooperativeName}`,
      text: `مرحبا،\n\nتلقت ${p.cooperativeName} الطلب ${p.orderNumber} (${
        p.paymentMethod === 'CASH_ON_DELIVERY' ? 'الدفع عند التسليم' : 'مدفوع بالبطاقة'
      })، للشحن إلى ${p.shipToCity}:\n\n${partText(p.part, LanguageCode.ar, false)}\n  ${LABELS.ar.commission}: ${formatMoney(p.commission, LanguageCode.ar)}\n  ${LABELS.ar.net}: ${formatMoney({ amount: p.part.total.amount - p.commission.amount, currency: p.part.total.currency }, LanguageCode.ar)}\n\nجهزه وأدخل اسم الناقل ورقم التتبع عند الشحن:\n${link('/cooperative/orders')}`,
    }),
    en: (p, link) => ({
      subject: `New order ${p.orderNumber} for ${p.cooperativeName}`,
      text: `Hello,\n\n${p.cooperativeName} received order ${p.orderNumber} (${
        p.paymentMethod === 'CASH_ON_DELIVERY' ? 'cash on delivery' : 'paid by card'
      }), to ship to ${p.shipToCity}:\n\n${partText(p.part, LanguageCode.en, false)}\n  ${LABELS.en.commission}: ${formatMoney(p.commission, LanguageCode.en)}\n  ${LABELS.en.net}: ${formatMoney({ amount: p.part.total.amount - p.commission.amount, currency: p.part.total.currency }, LanguageCode.en)}\n\nPrepare it, and enter the carrier and tracking number when you ship it:\n${link('/cooperative/orders')}`,
    }),
  },
  'sub-order-shipped': {
    fr: (p, link) => ({
      subject: `Commande ${p.orderNumber} : ${p.cooperativeName} a expédié votre colis`,
      text: `Bonjour ${p.fullName},\n\n${p.cooperativeName} a expédié sa part de votre commande ${p.orderNumber} :\n${p.lines
        .map((line) => lineText(line, LanguageCode.fr))
        .join(
          '\n',
        )}\n\nTransporteur : ${p.carrier}\nNuméro de suivi : ${p.trackingNumber}\n\n${LABELS.fr.follow}\n${orderLink(p, link)}`,
    }),
    ar: (p, link) => ({
      subject: `الطلب ${p.orderNumber}: شحنت ${p.cooperativeName} طردك`,
      text: `مرحبا ${p.fullName}،\n\nشحنت ${p.cooperativeName} الجزء الخاص بها من طلبك ${p.orderNumber}:\n${p.lines
        .map((line) => lineText(line, LanguageCode.ar))
        .join(
          '\n',
        )}\n\nالناقل: ${p.carrier}\nرقم التتبع: ${p.trackingNumber}\n\n${LABELS.ar.follow}\n${orderLink(p, link)}`,
    }),
    en: (p, link) => ({
      subject: `Order ${p.orderNumber}: ${p.cooperativeName} shipped your parcel`,
      text: `Hello ${p.fullName},\n\n${p.cooperativeName} shipped its part of your order ${p.orderNumber}:\n${p.lines
        .map((line) => lineText(line, LanguageCode.en))
        .join(
          '\n',
        )}\n\nCarrier: ${p.carrier}\nTracking number: ${p.trackingNumber}\n\n${LABELS.en.follow}\n${orderLink(p, link)}`,
    }),
  },
  'sub-order-delivered': {
    fr: (p, link) => ({
      subject: `Commande ${p.orderNumber} : colis de ${p.cooperativeName} livré`,
      text: `Bonjour ${p.fullName},\n\nLe colis de ${p.cooperativeName} (commande ${p.orderNumber}) a été livré.${
        p.cashCollected
          ? `\nMontant payé à la livraison : ${formatMoney(p.cashCollected, LanguageCode.fr)}.`
          : ''
      }\nMerci d'avoir soutenu les coopératives marocaines.\n\n${LABELS.fr.follow}\n${orderLink(p, link)}`,
    }),
    ar: (p, link) => ({
      subject: `الطلب ${p.orderNumber}: تم تسليم طرد ${p.cooperativeName}`,
      text: `مرحبا ${p.fullName}،\n\nتم تسليم طرد ${p.cooperativeName} (الطلب ${p.orderNumber}).${
        p.cashCollected
          ? `\nالمبلغ المدفوع عند التسليم: ${formatMoney(p.cashCollected, LanguageCode.ar)}.`
          : ''
      }\nشكرا لدعمك التعاونيات المغربية.\n\n${LABELS.ar.follow}\n${orderLink(p, link)}`,
    }),
    en: (p, link) => ({
      subject: `Order ${p.orderNumber}: ${p.cooperativeName}'s parcel delivered`,
      text: `Hello ${p.fullName},\n\nThe parcel from ${p.cooperativeName} (order ${p.orderNumber}) was delivered.${
        p.cashCollected ? `\nPaid on delivery: ${formatMoney(p.cashCollected, LanguageCode.en)}.` : ''
      }\nThank you for supporting Moroccan cooperatives.\n\n${LABELS.en.follow}\n${orderLink(p, link)}`,
    }),
  },
  'order-cancelled': {
    fr: (p, link) => ({
      subject: `Commande ${p.orderNumber} annulée`,
      text: `Bonjour ${p.fullName},\n\nVotre commande ${p.orderNumber} a été annulée par ${LABELS.fr.by[p.cancelledBy]}.${reasonText(p.reason, LanguageCode.fr)}\n\n${p.parts
        .map((part) => partText(part, LanguageCode.fr))
        .join('\n\n')}\n\n${
        p.paymentMethod === 'CARD'
          ? 'Tout montant débité sur votre carte vous sera remboursé.'
          : "Vous n'avez rien à payer."
      }\n\n${LABELS.fr.follow}\n${orderLink(p, link)}`,
    }),
    ar: (p, link) => ({
      subject: `تم إلغاء الطلب ${p.orderNumber}`,
      text: `مرحبا ${p.fullName}،\n\nتم إلغاء طلبك ${p.orderNumber} من طرف ${LABELS.ar.by[p.cancelledBy]}.${reasonText(p.reason, LanguageCode.ar)}\n\n${p.parts
        .map((part) => partText(part, LanguageCode.ar))
        .join('\n\n')}\n\n${
        p.paymentMethod === 'CARD' ? 'سيتم رد أي مبلغ خصم من بطاقتك.' : 'ليس عليك دفع أي شيء.'
      }\n\n${LABELS.ar.follow}\n${orderLink(p, link)}`,
    }),
    en: (p, link) => ({
      subject: `Order ${p.orderNumber} cancelled`,
      text: `Hello ${p.fullName},\n\nYour order ${p.orderNumber} was cancelled by ${LABELS.en.by[p.cancelledBy]}.${reasonText(p.reason, LanguageCode.en)}\n\n${p.parts
        .map((part) => partText(part, LanguageCode.en))
        .join('\n\n')}\n\n${
        p.paymentMethod === 'CARD'
          ? 'Any amount charged to your card will be refunded.'
          : 'You have nothing to pay.'
      }\n\n${LABELS.en.follow}\n${orderLink(p, link)}`,
    }),
  },
  'sub-order-cancelled': {
    fr: (p, link) =>
      p.recipient === 'BUYER'
        ? {
            subject: `Commande ${p.orderNumber} : la part de ${p.part.cooperativeName} est annulée`,
            text: `Bonjour ${p.fullName},\n\nLa part de ${p.part.cooperativeName} dans votre commande ${p.orderNumber} a été annulée par ${LABELS.fr.by[p.cancelledBy]}.${reasonText(p.reason, LanguageCode.fr)}\n\n${partText(p.part, LanguageCode.fr, false)}\n\n${
              p.paymentMethod === 'CARD'
                ? 'Ce montant vous sera remboursé.'
                : "Vous n'aurez pas à payer ce montant."
            } Le reste de votre commande suit son cours.\n\n${LABELS.fr.follow}\n${orderLink(p, link)}`,
          }
        : {
            subject: `Commande ${p.orderNumber} annulée pour ${p.part.cooperativeName}`,
            text: `Bonjour,\n\nLa part de ${p.part.cooperativeName} dans la commande ${p.orderNumber} a été annulée par ${LABELS.fr.by[p.cancelledBy]}. Ne l'expédiez pas : le stock a été remis en vente.${reasonText(p.reason, LanguageCode.fr)}\n\n${partText(p.part, LanguageCode.fr, false)}\n\n${link('/cooperative/orders')}`,
          },
    ar: (p, link) =>
      p.recipient === 'BUYER'
        ? {
            subject: `الطلب ${p.orderNumber}: تم إلغاء جزء ${p.part.cooperativeName}`,
            text: `مرحبا ${p.fullName}،\n\nتم إلغاء جزء ${p.part.cooperativeName} من طلبك ${p.orderNumber} من طرف ${LABELS.ar.by[p.cancelledBy]}.${reasonText(p.reason, LanguageCode.ar)}\n\n${partText(p.part, LanguageCode.ar, false)}\n\n${
              p.paymentMethod === 'CARD' ? 'سيتم رد هذا المبلغ إليك.' : 'لن تدفع هذا المبلغ.'
            } باقي طلبك يتابع مساره.\n\n${LABELS.ar.follow}\n${orderLink(p, link)}`,
          }
        : {
            subject: `تم إلغاء الطلب ${p.orderNumber} لـ ${p.part.cooperativeName}`,
            text: `مرحبا،\n\nتم إلغاء جزء ${p.part.cooperativeName} من الطلب ${p.orderNumber} من طرف ${LABELS.ar.by[p.cancelledBy]}. لا تشحنه: أعيد المخزون إلى البيع.${reasonText(p.reason, LanguageCode.ar)}\n\n${partText(p.part, LanguageCode.ar, false)}\n\n${link('/cooperative/orders')}`,
          },
    en: (p, link) =>
      p.recipient === 'BUYER'
        ? {
            subject: `Order ${p.orderNumber}: ${p.part.cooperativeName}'s part cancelled`,
            text: `Hello ${p.fullName},\n\nThe part of your order ${p.orderNumber} from ${p.part.cooperativeName} was cancelled by ${LABELS.en.by[p.cancelledBy]}.${reasonText(p.reason, LanguageCode.en)}\n\n${partText(p.part, LanguageCode.en, false)}\n\n${
              p.paymentMethod === 'CARD' ? 'This amount will be refunded.' : 'You will not pay this amount.'
            } The rest of your order goes on.\n\n${LABELS.en.follow}\n${orderLink(p, link)}`,
          }
        : {
            subject: `Order ${p.orderNumber} cancelled for ${p.part.cooperativeName}`,
            text: `Hello,\n\n${p.part.cooperativeName}'s part of order ${p.orderNumber} was cancelled by ${LABELS.en.by[p.cancelledBy]}. Do not ship it: its stock is back on sale.${reasonText(p.reason, LanguageCode.en)}\n\n${partText(p.part, LanguageCode.en, false)}\n\n${link('/cooperative/orders')}`,
          },
  },
  'order-expired': {
    fr: (p, link) => ({
      subject: `Commande ${p.orderNumber} expirée`,
      text: `Bonjour ${p.fullName},\n\nLe paiement de votre commande ${p.orderNumber} (${formatMoney(p.total, LanguageCode.fr)}) n'a pas été reçu dans les ${p.holdMinutes} minutes : elle est annulée et les articles réservés sont remis en vente. Aucun montant ne vous sera débité.\n\n${LABELS.fr.follow}\n${orderLink(p, link)}`,
    }),
    ar: (p, link) => ({
      subject: `انتهت صلاحية الطلب ${p.orderNumber}`,
      text: `مرحبا ${p.fullName}،\n\nلم نتلق دفع طلبك ${p.orderNumber} (${formatMoney(p.total, LanguageCode.ar)}) خلال ${p.holdMinutes} دقيقة: تم إلغاؤه وأعيدت المنتجات المحجوزة إلى البيع. لن يتم خصم أي مبلغ منك.\n\n${LABELS.ar.follow}\n${orderLink(p, link)}`,
    }),
    en: (p, link) => ({
      subject: `Order ${p.orderNumber} expired`,
      text: `Hello ${p.fullName},\n\nThe payment for your order ${p.orderNumber} (${formatMoney(p.total, LanguageCode.en)}) did not arrive within ${p.holdMinutes} minutes: the order is cancelled and the items held for it are back on sale. You will not be charged.\n\n${LABELS.en.follow}\n${orderLink(p, link)}`,
    }),
  },
  'payment-received': {
    fr: (p, link) => ({
      subject: `Paiement reçu pour la commande ${p.orderNumber}`,
      text: `Bonjour ${p.fullName},\n\nNous avons bien reçu votre paiement de ${formatMoney(p.total, LanguageCode.fr)} pour la commande ${p.orderNumber}. Les coopératives préparent vos articles.\n\n${LABELS.fr.follow}\n${orderLink(p, link)}`,
    }),
    ar: (p, link) => ({
      subject: `تم استلام دفع الطلب ${p.orderNumber}`,
      text: `مرحبا ${p.fullName}،\n\nتلقينا دفعك بمبلغ ${formatMoney(p.total, LanguageCode.ar)} للطلب ${p.orderNumber}. تقوم التعاونيات بتحضير منتجاتك.\n\n${LABELS.ar.follow}\n${orderLink(p, link)}`,
    }),
    en: (p, link) => ({
      subject: `Payment received for order ${p.orderNumber}`,
      text: `Hello ${p.fullName},\n\nWe received your payment of ${formatMoney(p.total, LanguageCode.en)} for order ${p.orderNumber}. The cooperatives are preparing your items.\n\n${LABELS.en.follow}\n${orderLink(p, link)}`,
    }),
  },
  'refund-issued': {
    fr: (p, link) => ({
      subject: `Remboursement pour la commande ${p.orderNumber}`,
      text: `Bonjour ${p.fullName},\n\nNous vous remboursons ${formatMoney(p.amount, LanguageCode.fr)} pour la partie de ${p.cooperativeName} de la commande ${p.orderNumber}.\n\n${LABELS.fr.follow}\n${orderLink(p, link)}`,
    }),
    ar: (p, link) => ({
      subject: `استرداد مبلغ للطلب ${p.orderNumber}`,
      text: `مرحبا ${p.fullName}،\n\nنرد لك ${formatMoney(p.amount, LanguageCode.ar)} عن جزء ${p.cooperativeName} من الطلب ${p.orderNumber}.\n\n${LABELS.ar.follow}\n${orderLink(p, link)}`,
    }),
    en: (p, link) => ({
      subject: `Refund for order ${p.orderNumber}`,
      text: `Hello ${p.fullName},\n\nWe are refunding ${formatMoney(p.amount, LanguageCode.en)} for ${p.cooperativeName}'s part of order ${p.orderNumber}.\n\n${LABELS.en.follow}\n${orderLink(p, link)}`,
    }),
  },
};
