import { defineMessages } from '../../lib/i18n/messages';

/** The partner space's texts (fr is the source of the keys; ar and en must give every one). */
export const partnerMessages = defineMessages(
  { 'space.title': 'Espace partenaire' },
  { ar: { 'space.title': 'فضاء الشريك' }, en: { 'space.title': 'Partner space' } },
);
