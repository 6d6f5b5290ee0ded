import { defineMessages } from '../../lib/i18n/messages';

/** The admin console's texts (fr is the source of the keys; ar and en must give every one). */
export const adminMessages = defineMessages(
  { 'space.title': 'Console d’administration' },
  { ar: { 'space.title': 'لوحة الإدارة' }, en: { 'space.title': 'Admin console' } },
);
