import { registerEnumType } from '@nestjs/graphql';

export enum CertificationType {
  FOOD_SAFETY_AUTHORIZATION = 'FOOD_SAFETY_AUTHORIZATION',
  NATIONAL_STANDARD = 'NATIONAL_STANDARD',
  ORGANIC = 'ORGANIC',
  GEOGRAPHICAL_INDICATION = 'GEOGRAPHICAL_INDICATION',
  OTHER = 'OTHER',
}
registerEnumType(CertificationType, { name: 'CertificationType' });
