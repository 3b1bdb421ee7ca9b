import { Module } from '@nestjs/common';
import { DemoSeedService } from './demo-seed.service';

/**
 * The demo seed. It deliberately does not import BookingModule: the app
 * imports that already and may override PlacementLifecycle there, so the
 * service looks the lifecycle up through ModuleRef when it runs. DataSource,
 * Clock and TransactionRunner come from the global core and TypeORM modules.
 */
@Module({
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class SeedModule {}
