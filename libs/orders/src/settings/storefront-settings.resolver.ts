import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { AppConfig, MoneyModel } from '@taawoun/core';
import { Policy } from '@taawoun/identity';

@ObjectType('StorefrontSettings', { description: 'What a storefront needs to know before checkout.' })
export class StorefrontSettingsModel {
  @Field(() => MoneyModel, {
    description:
      'What each sub-order pays for shipping unless its cooperative’s free-shipping threshold is reached.',
  })
  shippingFlatFee!: MoneyModel;

  @Field(() => String, {
    nullable: true,
    description:
      'Stripe publishable key (pk_…) for card payment with Stripe Elements; null: card payment is off.',
  })
  stripePublishableKey!: string | null;
}

/** Public settings of the shop (no secret: the publishable key is meant for browsers). */
@Resolver()
export class StorefrontSettingsResolver {
  constructor(private readonly config: AppConfig) {}

  @Query(() => StorefrontSettingsModel)
  @Policy.public()
  storefrontSettings(): StorefrontSettingsModel {
    const cardOn = Boolean(this.config.STRIPE_SECRET_KEY && this.config.STRIPE_PUBLISHABLE_KEY);
    return {
      shippingFlatFee: { amount: this.config.SHIPPING_FLAT_FEE_CENTIMES, currency: 'MAD' },
      stripePublishableKey: cardOn ? this.config.STRIPE_PUBLISHABLE_KEY! : null,
    };
  }
}
