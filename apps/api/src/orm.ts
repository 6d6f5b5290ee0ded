import { ASSETS_ENTITIES } from '@taawoun/assets';
import { BRANDING_ENTITIES } from '@taawoun/branding';
import { CATALOG_ENTITIES } from '@taawoun/catalog';
import { COOPERATIVES_ENTITIES } from '@taawoun/cooperatives';
import { IDENTITY_ENTITIES } from '@taawoun/identity';
import { NOTIFICATIONS_ENTITIES } from '@taawoun/notifications';
import { ORDERS_ENTITIES } from '@taawoun/orders';
import { PAYMENTS_ENTITIES } from '@taawoun/payments';
import { MIGRATIONS } from '../../../migrations/index.js';

/** Every entity and migration of the platform: the one list the API, the worker and the scripts share. */
export const ENTITIES = [
  ...NOTIFICATIONS_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...COOPERATIVES_ENTITIES,
  ...ASSETS_ENTITIES,
  ...CATALOG_ENTITIES,
  ...ORDERS_ENTITIES,
  ...BRANDING_ENTITIES,
  ...PAYMENTS_ENTITIES,
];
export { MIGRATIONS };
