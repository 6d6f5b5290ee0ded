import { type DynamicModule, Module } from '@nestjs/common';
import { AssetsModule } from '@taawoun/assets';
import { BrandingModule } from '@taawoun/branding';
import { CatalogModule } from '@taawoun/catalog';
import { CooperativesModule } from '@taawoun/cooperatives';
import { CoreModule, type CoreModuleOptions } from '@taawoun/core';
import { IdentityModule } from '@taawoun/identity';
import { NotificationsModule } from '@taawoun/notifications';
import { OrdersModule } from '@taawoun/orders';
import { PaymentsModule, PayoutsModule } from '@taawoun/payments';

@Module({})
export class AppModule {
  static forRoot(core: CoreModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(core),
        NotificationsModule,
        IdentityModule,
        CooperativesModule,
        AssetsModule,
        CatalogModule,
        OrdersModule,
        BrandingModule,
        PaymentsModule,
        PayoutsModule,
      ],
    };
  }
}
