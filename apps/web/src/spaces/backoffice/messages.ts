import { defineMessages } from '../../lib/i18n/messages';

/** The cooperative space's texts (fr is the source of the keys; ar and en must give every one). */
export const backofficeMessages = defineMessages(
  { 'space.title': 'Espace coopérative' },
  { ar: { 'space.title': 'فضاء التعاونية' }, en: { 'space.title': 'Cooperative space' } },
);
