import { LanguageCode, loadConfig } from '@taawoun/core';
import type { Logger } from 'pino';
import { MailTransport } from '../mail-transport.js';
import type { OrderMailPart } from './order-templates.js';
import { renderTemplate, TEMPLATE_NAMES, type TemplateParams } from './templates.js';

const mad = (amount: number) => ({ amount, currency: 'MAD' });
const ARGAN: OrderMailPart = {
  cooperativeName: 'Argan Tiznit',
  lines: [
    {
      productName: 'Huile d’argan 250 ml',
      sku: 'ARG-250',
      quantity: 2,
      unitPrice: mad(12050),
      lineTotal: mad(24100),
    },
  ],
  subtotal: mad(24100),
  shippingFee: mad(3000),
  total: mad(27100),
};

const PARAMS: TemplateParams = {
  'verify-email': { fullName: 'Amina', token: 'T0K' },
  'reset-password': { fullName: 'Amina', token: 'T0K', validMinutes: 60 },
  'password-changed': { fullName: 'Amina' },
  'cooperative-invitation': {
    cooperativeName: 'Argan Tiznit',
    inviterName: 'Fatima',
    role: 'STAFF',
    token: 'T0K',
    expiresOn: '2027-01-08',
  },
  'certification-expiring': {
    cooperativeName: 'Argan Tiznit',
    certificationType: 'ORGANIC',
    reference: 'BIO-1',
    expiresOn: '2027-01-08',
  },
  'order-placed': {
    fullName: 'Amina',
    orderNumber: 'CM-2026-000123',
    token: 'T0K',
    paymentMethod: 'CASH_ON_DELIVERY',
    parts: [ARGAN],
    total: mad(27100),
  },
  'order-received': {
    cooperativeName: 'Argan Tiznit',
    orderNumber: 'CM-2026-000123',
    paymentMethod: 'CASH_ON_DELIVERY',
    part: ARGAN,
    commission: mad(1355),
    shipToCity: 'Agadir',
  },
  'sub-order-shipped': {
    fullName: 'Amina',
    orderNumber: 'CM-2026-000123',
    cooperativeName: 'Argan Tiznit',
    carrier: 'Amana',
    trackingNumber: 'AM123456789MA',
    lines: ARGAN.lines,
  },
  'sub-order-delivered': {
    fullName: 'Amina',
    orderNumber: 'CM-2026-000123',
    cooperativeName: 'Argan Tiznit',
    cashCollected: mad(27100),
  },
  'order-cancelled': {
    fullName: 'Amina',
    orderNumber: 'CM-2026-000123',
    cancelledBy: 'BUYER',
    reason: 'Changed my mind',
    parts: [ARGAN],
    paymentMethod: 'CASH_ON_DELIVERY',
  },
  'sub-order-cancelled': {
    fullName: 'Amina',
    orderNumber: 'CM-2026-000123',
    recipient: 'BUYER',
    cancelledBy: 'COOPERATIVE',
    reason: 'Out of season',
    part: ARGAN,
    paymentMethod: 'CARD',
  },
  'order-expired': { fullName: 'Amina', orderNumber: 'CM-2026-000123', holdMinutes: 30, total: mad(27100) },
  'payment-received': { fullName: 'Amina', orderNumber: 'CM-2026-000123', total: mad(27100) },
  'refund-issued': {
    fullName: 'Amina',
    orderNumber: 'CM-2026-000123',
    cooperativeName: 'Argan Tiznit',
    amount: mad(1250),
  },
  'identity-partner-assigned': {
    partnerName: 'Fédération IT',
    cooperativeName: 'Argan Tiznit',
    needs: 'Un logo et des couleurs',
  },
  'identity-proposal-received': { cooperativeName: 'Argan Tiznit', partnerName: 'Fédération IT' },
  'payout-sent': {
    cooperativeName: 'Argan Tiznit',
    amount: mad(123456705),
    method: 'BANK_TRANSFER',
    reference: 'VIR-2026-0042',
    ribLast4: '1123',
  },
  'payout-failed': {
    cooperativeName: 'Argan Tiznit',
    amount: mad(25745),
    method: 'STRIPE_CONNECT',
    reason: 'Account closed',
  },
};

describe('e-mail templates', () => {
  it.each(TEMPLATE_NAMES.flatMap((name) => Object.values(LanguageCode).map((lang) => [name, lang] as const)))(
    '%s renders in %s with a subject, a text and an HTML part',
    (name, language) => {
      const email = renderTemplate(name, language, PARAMS[name] as never, 'https://taawoun.ma');
      expect(email.subject.length).toBeGreaterThan(5);
      expect(email.text.length).toBeGreaterThan(20);
      expect(email.html).toContain(`lang="${language}"`);
      if ('token' in PARAMS[name])
        expect(email.text).toMatch(/https:\/\/taawoun\.ma\/[a-z-]+(?:\/CM-2026-000123)?\?token=T0K/);
    },
  );

  it('escapes user text in the HTML part', () => {
    const email = renderTemplate(
      'password-changed',
      LanguageCode.en,
      { fullName: '<b>x</b>' },
      'https://t.ma',
    );
    expect(email.html).not.toContain('<b>');
    expect(email.html).toContain('&#60;b&#62;x');
  });
});

describe('order e-mails', () => {
  const render = <T extends keyof TemplateParams>(name: T, lang: LanguageCode, params: TemplateParams[T]) =>
    renderTemplate(name, lang, params, 'https://taawoun.ma');

  it("links a guest's order with its access token, a signed-in buyer's without one", () => {
    const guest = render('order-placed', LanguageCode.fr, PARAMS['order-placed']);
    expect(guest.text).toContain('\nhttps://taawoun.ma/orders/CM-2026-000123?token=T0K');
    expect(guest.html).toContain('<a href="https://taawoun.ma/orders/CM-2026-000123?token=T0K">');
    const { token: _token, ...signedIn } = PARAMS['order-placed'];
    const mail = render('order-placed', LanguageCode.fr, signedIn);
    expect(mail.text.endsWith('\nhttps://taawoun.ma/orders/CM-2026-000123')).toBe(true);
    expect(mail.text).not.toContain('token');
  });

  it('formats the amounts of MAD centimes the way each language writes them', () => {
    const big = { ...ARGAN, total: mad(123456705) };
    const params = { ...PARAMS['order-placed'], parts: [big], total: mad(123456705) };
    expect(render('order-placed', LanguageCode.fr, params).text).toContain('1.234.567,05\u00a0MAD');
    expect(render('order-placed', LanguageCode.en, params).text).toContain('MAD\u00a01,234,567.05');
    expect(render('order-placed', LanguageCode.ar, params).text).toContain('1.234.567,05\u00a0د.م.');
    expect(render('order-placed', LanguageCode.en, PARAMS['order-placed']).text).toContain(
      '2 × Huile d’argan 250 ml (ARG-250): MAD\u00a0120.50 → MAD\u00a0241.00',
    );
  });

  it("gives a cooperative its part, the commission and what it receives, without the buyer's link", () => {
    const email = render('order-received', LanguageCode.en, PARAMS['order-received']);
    expect(email.text).toContain('Total: MAD\u00a0271.00');
    expect(email.text).toContain('Platform commission: MAD\u00a013.55');
    expect(email.text).toContain('Amount for the cooperative: MAD\u00a0257.45');
    expect(email.text).toContain('https://taawoun.ma/cooperative/orders');
    expect(email.text).not.toContain('/orders/CM-');
  });

  it('tells the buyer the carrier and tracking number, and a card order how long its items are held', () => {
    const shipped = render('sub-order-shipped', LanguageCode.ar, PARAMS['sub-order-shipped']);
    expect(shipped.text).toContain('Amana');
    expect(shipped.text).toContain('AM123456789MA');
    expect(shipped.html).toContain('dir="rtl"');
    const card = render('order-placed', LanguageCode.en, {
      ...PARAMS['order-placed'],
      paymentMethod: 'CARD',
      awaitingPaymentMinutes: 30,
    });
    expect(card.text).toContain('held for 30 minutes');
  });

  it('writes a cancellation for the cooperative differently from the one for the buyer', () => {
    const buyer = render('sub-order-cancelled', LanguageCode.en, PARAMS['sub-order-cancelled']);
    const coop = render('sub-order-cancelled', LanguageCode.en, {
      ...PARAMS['sub-order-cancelled'],
      recipient: 'COOPERATIVE',
      cancelledBy: 'ADMIN',
    });
    expect(buyer.text).toContain('This amount will be refunded.');
    expect(coop.text).toContain('Do not ship it');
    expect(coop.text).not.toContain('token');
  });

  it("escapes a cancellation reason (the client's text) in the HTML part", () => {
    const email = render('order-cancelled', LanguageCode.fr, {
      ...PARAMS['order-cancelled'],
      reason: '<script>x</script>',
    });
    expect(email.html).not.toContain('<script>');
    expect(email.text).toContain('Motif: <script>x</script>');
  });
});

describe('payout e-mails', () => {
  const render = <T extends keyof TemplateParams>(name: T, lang: LanguageCode, params: TemplateParams[T]) =>
    renderTemplate(name, lang, params, 'https://taawoun.ma');

  it('gives the amount to the centime, the reference and only the last four RIB characters', () => {
    const sent = render('payout-sent', LanguageCode.en, PARAMS['payout-sent']);
    expect(sent.subject).toContain('MAD\u00a01,234,567.05');
    expect(sent.text).toContain('by bank transfer (RIB ending in 1123)');
    expect(sent.text).toContain('Reference: VIR-2026-0042');
    expect(sent.text).toContain('https://taawoun.ma/cooperative/ledger');
    expect(render('payout-sent', LanguageCode.fr, PARAMS['payout-sent']).text).toContain(
      '1.234.567,05\u00a0MAD',
    );
    const stripe = render('payout-sent', LanguageCode.en, {
      ...PARAMS['payout-sent'],
      method: 'STRIPE_CONNECT',
      ribLast4: undefined,
    });
    expect(stripe.text).not.toContain('RIB');
  });

  it('says why a payout failed and that the amount is back in the balance', () => {
    const failed = render('payout-failed', LanguageCode.en, PARAMS['payout-failed']);
    expect(failed.text).toContain('The Stripe transfer of MAD\u00a0257.45 to Argan Tiznit failed.');
    expect(failed.text).toContain('Reason: Account closed');
    expect(failed.text).toContain('back in your balance');
    expect(render('payout-failed', LanguageCode.ar, PARAMS['payout-failed']).html).toContain('dir="rtl"');
  });
});

describe('mail transport', () => {
  function transport(env: Record<string, string>) {
    const warnings: string[] = [];
    const log = { warn: (_: unknown, message: string) => warnings.push(message) } as unknown as Logger;
    new MailTransport(loadConfig(env), log).onModuleInit();
    return warnings;
  }

  it('warns at start in production when SMTP_URL is unset', () => {
    expect(
      transport({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(40), DATABASE_URL: 'postgres://db/x' }),
    ).toEqual([expect.stringContaining('SMTP_URL is unset')]);
  });

  it('stays quiet with SMTP_URL in production, and in development without it', () => {
    expect(
      transport({
        NODE_ENV: 'production',
        JWT_SECRET: 's'.repeat(40),
        DATABASE_URL: 'postgres://db/x',
        SMTP_URL: 'smtp://127.0.0.1:2525',
      }),
    ).toEqual([]);
    expect(transport({ NODE_ENV: 'development' })).toEqual([]);
  });

  it('refuses an SMTP_URL that is not an smtp(s) URL, naming the variable', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.ma' })).toThrow(/SMTP_URL/);
  });
});
