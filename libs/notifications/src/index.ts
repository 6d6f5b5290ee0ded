export * from './email-outbox.entity.js';
export * from './mail-transport.js';
export * from './notifications.module.js';
export * from './outbox.service.js';
export * from './templates/templates.js';
export * from './templates/order-templates.js';
export * from './templates/payout-templates.js';
export { formatMoney } from './templates/format-money.js';
import { EmailOutboxEntity } from './email-outbox.entity.js';

/** The TypeORM entities of this lib, for the data source. */
export const NOTIFICATIONS_ENTITIES = [EmailOutboxEntity];
