import { LanguageCode } from '@taawoun/core';
import { ORDER_TEMPLATES, type OrderTemplateParams } from './order-templates.js';
import { PAYOUT_TEMPLATES, type PayoutTemplateParams } from './payout-templates.js';

/** The parameters of each template: what the caller passes to {@link Outbox.enqueue}. */
export interface VerifyEmailParams {
  fullName: string;
  /** The single-use token; the link is PUBLIC_URL/verify-email?token=<token>. */
  token: string;
}

export interface ResetPasswordParams {
  fullName: string;
  /** The single-use token; the link is PUBLIC_URL/reset-password?token=<token>. */
  token: string;
  /** How long the link works, in minutes. */
  validMinutes: number;
}

export interface PasswordChangedParams {
  fullName: string;
}

export interface CooperativeInvitationParams {
  cooperativeName: string;
  inviterName: string;
  /** The cooperative role offered (OWNER, MANAGER, STAFF...). */
  role: string;
  /** Identifies the invitation; the link is PUBLIC_URL/invitations?token=<token>. */
  token: string;
  /** Last day the invitation can be accepted, YYYY-MM-DD. */
  expiresOn: string;
}

export interface CertificationExpiringParams {
  cooperativeName: string;
  certificationType: string;
  reference: string;
  /** YYYY-MM-DD */
  expiresOn: string;
}

export interface IdentityPartnerAssignedParams {
  partnerName: string;
  cooperativeName: string;
  /** What the cooperative asked for, in its words. */
  needs: string;
}

export interface IdentityProposalReceivedParams {
  cooperativeName: string;
  partnerName: string;
}

export interface TemplateParams extends OrderTemplateParams, PayoutTemplateParams {
  'verify-email': VerifyEmailParams;
  'reset-password': ResetPasswordParams;
  'password-changed': PasswordChangedParams;
  'cooperative-invitation': CooperativeInvitationParams;
  'certification-expiring': CertificationExpiringParams;
  'identity-partner-assigned': IdentityPartnerAssignedParams;
  'identity-proposal-received': IdentityProposalReceivedParams;
}

/** Every e-mail the platform sends. */
export type TemplateName = keyof TemplateParams;

export const TEMPLATE_NAMES = [
  'verify-email',
  'reset-password',
  'password-changed',
  'cooperative-invitation',
  'certification-expiring',
  'order-placed',
  'order-received',
  'sub-order-shipped',
  'sub-order-delivered',
  'order-cancelled',
  'sub-order-cancelled',
  'order-expired',
  'payment-received',
  'refund-issued',
  'identity-partner-assigned',
  'identity-proposal-received',
  'payout-sent',
  'payout-failed',
] as const satisfies readonly TemplateName[];

/** A rendered message. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html?: string;
}

type Renderer<P> = (params: P, link: (path: string, token?: string) => string) => RenderedEmail;

const TEMPLATES: { [T in TemplateName]: Record<LanguageCode, Renderer<TemplateParams[T]>> } = {
  ...ORDER_TEMPLATES,
  ...PAYOUT_TEMPLATES,
  'verify-email': {
    fr: (p, link) => ({
      subject: 'Confirmez votre adresse e-mail',
      text: `Bonjour ${p.fullName},\n\nConfirmez votre adresse e-mail en ouvrant ce lien :\n${link('/verify-email', p.token)}\n\nSi vous n'avez pas créé de compte Taawoun, ignorez ce message.`,
    }),
    ar: (p, link) => ({
      subject: 'أكد عنوان بريدك الإلكتروني',
      text: `مرحبا ${p.fullName}،\n\nأكد عنوان بريدك الإلكتروني بفتح هذا الرابط:\n${link('/verify-email', p.token)}\n\nإذا لم تنشئ حسابا في تعاون، تجاهل هذه الرسالة.`,
    }),
    en: (p, link) => ({
      subject: 'Confirm your e-mail address',
      text: `Hello ${p.fullName},\n\nConfirm your e-mail address by opening this link:\n${link('/verify-email', p.token)}\n\nIf you did not create a Taawoun account, ignore this message.`,
    }),
  },
  'reset-password': {
    fr: (p, link) => ({
      subject: 'Réinitialisation de votre mot de passe',
      text: `Bonjour ${p.fullName},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable ${p.validMinutes} minutes, une seule fois) :\n${link('/reset-password', p.token)}\n\nSi vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.`,
    }),
    ar: (p, link) => ({
      subject: 'إعادة تعيين كلمة المرور',
      text: `مرحبا ${p.fullName}،\n\nلاختيار كلمة مرور جديدة، افتح هذا الرابط (صالح لمدة ${p.validMinutes} دقيقة ولمرة واحدة):\n${link('/reset-password', p.token)}\n\nإذا لم تطلب ذلك، تجاهل هذه الرسالة: كلمة مرورك لم تتغير.`,
    }),
    en: (p, link) => ({
      subject: 'Reset your password',
      text: `Hello ${p.fullName},\n\nTo choose a new password, open this link (valid ${p.validMinutes} minutes, once):\n${link('/reset-password', p.token)}\n\nIf you did not ask for this, ignore this message: your password is unchanged.`,
    }),
  },
  'password-changed': {
    fr: (p) => ({
      subject: 'Votre mot de passe a été modifié',
      text: `Bonjour ${p.fullName},\n\nLe mot de passe de votre compte Taawoun vient d'être modifié et vos autres sessions ont été fermées.\nSi ce n'était pas vous, réinitialisez votre mot de passe immédiatement.`,
    }),
    ar: (p) => ({
      subject: 'تم تغيير كلمة المرور',
      text: `مرحبا ${p.fullName}،\n\nتم للتو تغيير كلمة مرور حسابك في تعاون وأغلقت جلساتك الأخرى.\nإذا لم تكن أنت، أعد تعيين كلمة المرور فورا.`,
    }),
    en: (p) => ({
      subject: 'Your password was changed',
      text: `Hello ${p.fullName},\n\nThe password of your Taawoun account was just changed and your other sessions were signed out.\nIf this was not you, reset your password at once.`,
    }),
  },
  'cooperative-invitation': {
    fr: (p, link) => ({
      subject: `Invitation à rejoindre ${p.cooperativeName}`,
      text: `Bonjour,\n\n${p.inviterName} vous invite à rejoindre la coopérative ${p.cooperativeName} (rôle : ${p.role}) sur Taawoun.\nConnectez-vous avec cette adresse e-mail, vérifiée, puis répondez à l'invitation :\n${link('/invitations', p.token)}\n\nL'invitation expire le ${p.expiresOn}.`,
    }),
    ar: (p, link) => ({
      subject: `دعوة للانضمام إلى ${p.cooperativeName}`,
      text: `مرحبا،\n\nيدعوك ${p.inviterName} للانضمام إلى تعاونية ${p.cooperativeName} (الدور: ${p.role}) على منصة تعاون.\nسجل الدخول بهذا البريد الإلكتروني بعد تأكيده، ثم أجب على الدعوة:\n${link('/invitations', p.token)}\n\nتنتهي صلاحية الدعوة في ${p.expiresOn}.`,
    }),
    en: (p, link) => ({
      subject: `Invitation to join ${p.cooperativeName}`,
      text: `Hello,\n\n${p.inviterName} invites you to join the cooperative ${p.cooperativeName} (role: ${p.role}) on Taawoun.\nSign in with this e-mail address, verified, then answer the invitation:\n${link('/invitations', p.token)}\n\nThe invitation expires on ${p.expiresOn}.`,
    }),
  },
  'certification-expiring': {
    fr: (p, link) => ({
      subject: `Certification ${p.certificationType} : expiration le ${p.expiresOn}`,
      text: `Bonjour,\n\nLa certification ${p.certificationType} (${p.reference}) de ${p.cooperativeName} expire le ${p.expiresOn}.\nPensez à la renouveler et à téléverser le nouveau certificat :\n${link('/cooperative/certifications')}`,
    }),
    ar: (p, link) => ({
      subject: `شهادة ${p.certificationType}: تنتهي في ${p.expiresOn}`,
      text: `مرحبا،\n\nتنتهي شهادة ${p.certificationType} (${p.reference}) الخاصة بـ ${p.cooperativeName} في ${p.expiresOn}.\nلا تنس تجديدها ورفع الشهادة الجديدة:\n${link('/cooperative/certifications')}`,
    }),
    en: (p, link) => ({
      subject: `${p.certificationType} certification expires on ${p.expiresOn}`,
      text: `Hello,\n\nThe ${p.certificationType} certification (${p.reference}) of ${p.cooperativeName} expires on ${p.expiresOn}.\nRemember to renew it and upload the new certificate:\n${link('/cooperative/certifications')}`,
    }),
  },
  'identity-partner-assigned': {
    fr: (p, link) => ({
      subject: `${p.cooperativeName} attend votre aide pour son identité visuelle`,
      text: `Bonjour,\n\n${p.partnerName} a été choisie pour accompagner la coopérative ${p.cooperativeName} dans son identité visuelle.\nSa demande :\n${p.needs}\n\nProposez un logo, des couleurs et une bannière depuis votre espace partenaire :\n${link('/partner/requests')}`,
    }),
    ar: (p, link) => ({
      subject: `${p.cooperativeName} تنتظر مساعدتكم في هويتها البصرية`,
      text: `مرحبا،\n\nتم اختيار ${p.partnerName} لمرافقة تعاونية ${p.cooperativeName} في هويتها البصرية.\nطلبها:\n${p.needs}\n\nاقترحوا شعارا وألوانا ولافتة من فضاء الشركاء:\n${link('/partner/requests')}`,
    }),
    en: (p, link) => ({
      subject: `${p.cooperativeName} awaits your help with its visual identity`,
      text: `Hello,\n\n${p.partnerName} was chosen to help the cooperative ${p.cooperativeName} with its visual identity.\nIts request:\n${p.needs}\n\nPropose a logo, colours and a banner from your partner space:\n${link('/partner/requests')}`,
    }),
  },
  'identity-proposal-received': {
    fr: (p, link) => ({
      subject: `Nouvelle proposition d'identité visuelle pour ${p.cooperativeName}`,
      text: `Bonjour,\n\n${p.partnerName} a envoyé une proposition d'identité visuelle (logo, couleurs, bannière) pour ${p.cooperativeName}.\nConsultez-la, puis acceptez-la ou déclinez-la avec vos remarques :\n${link('/cooperative/brand')}`,
    }),
    ar: (p, link) => ({
      subject: `اقتراح جديد للهوية البصرية لـ ${p.cooperativeName}`,
      text: `مرحبا،\n\nأرسلت ${p.partnerName} اقتراحا للهوية البصرية (شعار، ألوان، لافتة) لـ ${p.cooperativeName}.\nاطلعوا عليه، ثم اقبلوه أو ارفضوه مع ملاحظاتكم:\n${link('/cooperative/brand')}`,
    }),
    en: (p, link) => ({
      subject: `New visual identity proposal for ${p.cooperativeName}`,
      text: `Hello,\n\n${p.partnerName} sent a visual identity proposal (logo, colours, banner) for ${p.cooperativeName}.\nLook at it, then accept it or decline it with your feedback:\n${link('/cooperative/brand')}`,
    }),
  },
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The HTML part: the text, escaped, with its links made clickable; right-to-left for Arabic. */
function toHtml(text: string, language: LanguageCode): string {
  const body = escapeHtml(text)
    .split('\n')
    .map((line) => (/^https?:\/\/\S+$/.test(line) ? `<a href="${line}">${line}</a>` : line))
    .join('<br>\n');
  const dir = language === LanguageCode.ar ? 'rtl' : 'ltr';
  return `<!doctype html><html lang="${language}" dir="${dir}"><body>${body}</body></html>`;
}

/** Renders a template in a language; links are `publicUrl/<path>?token=<token>`. */
export function renderTemplate<T extends TemplateName>(
  template: T,
  language: LanguageCode,
  params: TemplateParams[T],
  publicUrl: string,
): RenderedEmail {
  const byLanguage = TEMPLATES[template] as Record<LanguageCode, Renderer<TemplateParams[T]>> | undefined;
  if (!byLanguage) throw new Error(`Unknown e-mail template ${template}`);
  const render = byLanguage[language] ?? byLanguage[LanguageCode.fr];
  const link = (path: string, token?: string) =>
    token === undefined ? `${publicUrl}${path}` : `${publicUrl}${path}?token=${encodeURIComponent(token)}`;
  const rendered = render(params, link);
  return { ...rendered, html: rendered.html ?? toHtml(rendered.text, language) };
}
