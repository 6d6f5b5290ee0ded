import { registerEnumType } from '@nestjs/graphql';

export enum CooperativeStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(CooperativeStatus, { name: 'CooperativeStatus' });

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
