import { registerEnumType } from '@nestjs/graphql';

/** What a cooperative produces or offers (one main sector each). */
export enum Sector {
  AGRICULTURE = 'AGRICULTURE',
  HANDICRAFT = 'HANDICRAFT',
  TEXTILE = 'TEXTILE',
  FOOD_PROCESSING = 'FOOD_PROCESSING',
  BEEKEEPING = 'BEEKEEPING',
  COSMETICS = 'COSMETICS',
  SERVICES = 'SERVICES',
  OTHER = 'OTHER',
}
registerEnumType(Sector, { name: 'Sector' });
