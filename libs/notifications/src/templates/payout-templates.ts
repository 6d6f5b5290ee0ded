import { LanguageCode, type MoneyValue } from '@taawoun/core';
import { formatMoney } from './format-money.js';
import type { RenderedEmail } from './templates.js';

export type PayoutMailMethod = 'STRIPE_CONNECT' | 'BANK_TRANSFER';

/** To a cooperative's OWNER/MANAGERs: a payout left the platform (Stripe transfer made, or bank transfer recorded). */
export interface PayoutSentParams {
  cooperativeName: string;
  amount: MoneyValue;
  method: PayoutMailMethod;
  /** The Stripe transfer id or the bank's reference. */
  reference: string;
  /** For a bank transfer: the last four characters of the RIB it went to. */
  ribLast4?: string;
}

/** To a cooperative's OWNER/MANAGERs: a payout failed; its amount is back in the balance. */
export interface PayoutFailedParams {
  cooperativeName: string;
  amount: MoneyValue;
  method: PayoutMailMethod;
  reason: string;
}

export interface PayoutTemplateParams {
  'payout-sent': PayoutSentParams;
  'payout-failed': PayoutFailedParams;
}

type Link = (path: string, token?: string) => string;
type Renderer<P> = (params: P, link: Link) => RenderedEmail;

const METHOD = {
  fr: { STRIPE_CONNECT: 'virement Stripe', BANK_TRANSFER: 'virement bancaire' },
  ar: { STRIPE_CONNECT: 'تحويل عبر Stripe', BANK_TRANSFER: 'تحويل بنكي' },
  en: { STRIPE_CONNECT: 'Stripe transfer', BANK_TRANSFER: 'bank transfer' },
} as const satisfies Record<LanguageCode, Record<PayoutMailMethod, string>>;

const LEDGER_PATH = '/cooperative/ledger';

export const PAYOUT_TEMPLATES: {
  [T in keyof PayoutTemplateParams]: Record<LanguageCode, Renderer<PayoutTemplateParams[T]>>;
} = {
  'payout-sent': {
    fr: (p, link) => ({
      subject: `Versement de ${formatMoney(p.amount, LanguageCode.fr)} à ${p.cooperativeName}`,
      text: `Bonjour,\n\nTaawoun a versé ${formatMoney(p.amount, LanguageCode.fr)} à ${p.cooperativeName} par ${METHOD.fr[p.method]}${
        p.ribLast4 ? ` (RIB se terminant par ${p.ribLast4})` : ''
      }.\nRéférence : ${p.reference}\n\nVotre relevé :\n${link(LEDGER_PATH)}`,
    }),
    ar: (p, link) => ({
      subject: `دفعة بقيمة ${formatMoney(p.amount, LanguageCode.ar)} إلى ${p.cooperativeName}`,
      text: `مرحبا،\n\nحولت منصة تعاون ${formatMoney(p.amount, LanguageCode.ar)} إلى ${p.cooperativeName} عبر ${METHOD.ar[p.method]}${
        p.ribLast4 ? ` (رقم الحساب البنكي ينتهي بـ ${p.ribLast4})` : ''
      }.\nالمرجع: ${p.reference}\n\nكشف حسابكم:\n${link(LEDGER_PATH)}`,
    }),
    en: (p, link) => ({
      subject: `Payout of ${formatMoney(p.amount, LanguageCode.en)} to ${p.cooperativeName}`,
      text: `Hello,\n\nTaawoun paid ${formatMoney(p.amount, LanguageCode.en)} to ${p.cooperativeName} by ${METHOD.en[p.method]}${
        p.ribLast4 ? ` (RIB ending in ${p.ribLast4})` : ''
      }.\nReference: ${p.reference}\n\nYour ledger:\n${link(LEDGER_PATH)}`,
    }),
  },
  'payout-failed': {
    fr: (p, link) => ({
      subject: `Échec du versement de ${formatMoney(p.amount, LanguageCode.fr)} à ${p.cooperativeName}`,
      text: `Bonjour,\n\nLe ${METHOD.fr[p.method]} de ${formatMoney(p.amount, LanguageCode.fr)} à ${p.cooperativeName} a échoué.\nMotif : ${p.reason}\nLe montant est revenu à votre solde et sera versé à nouveau. Vérifiez vos coordonnées de versement :\n${link(LEDGER_PATH)}`,
    }),
    ar: (p, link) => ({
      subject: `فشل تحويل ${formatMoney(p.amount, LanguageCode.ar)} إلى ${p.cooperativeName}`,
      text: `مرحبا،\n\nفشل ${METHOD.ar[p.method]} بقيمة ${formatMoney(p.amount, LanguageCode.ar)} إلى ${p.cooperativeName}.\nالسبب: ${p.reason}\nعاد المبلغ إلى رصيدكم وسيحول من جديد. تحققوا من معلومات الدفع:\n${link(LEDGER_PATH)}`,
    }),
    en: (p, link) => ({
      subject: `Payout of ${formatMoney(p.amount, LanguageCode.en)} to ${p.cooperativeName} failed`,
      text: `Hello,\n\nThe ${METHOD.en[p.method]} of ${formatMoney(p.amount, LanguageCode.en)} to ${p.cooperativeName} failed.\nReason: ${p.reason}\nThe amount is back in your balance and will be paid out again. Check your payout details:\n${link(LEDGER_PATH)}`,
    }),
  },
};
