import { LanguageCode, loadConfig } from '@taawoun/core';
import type { Logger } from 'pino';
import { MailTransport } from '../mail-transport.js';
import { renderTemplate, TEMPLATE_NAMES, type TemplateParams } from './templates.js';

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
  'identity-partner-assigned': {
    partnerName: 'Fédération IT',
    cooperativeName: 'Argan Tiznit',
    needs: 'Un logo et des couleurs',
  },
  'identity-proposal-received': { cooperativeName: 'Argan Tiznit', partnerName: 'Fédération IT' },
};

describe('e-mail templates', () => {
  it.each(TEMPLATE_NAMES.flatMap((name) => Object.values(LanguageCode).map((lang) => [name, lang] as const)))(
    '%s renders in %s with a subject, a text and an HTML part',
    (name, language) => {
      const email = renderTemplate(name, language, PARAMS[name] as never, 'https://taawoun.ma');
      expect(email.subject.length).toBeGreaterThan(5);
      expect(email.text.length).toBeGreaterThan(20);
      expect(email.html).toContain(`lang="${language}"`);
      if ('token' in PARAMS[name]) expect(email.text).toMatch(/https:\/\/taawoun\.ma\/[a-z-]+\?token=T0K/);
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
