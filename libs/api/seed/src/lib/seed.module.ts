import { DynamicModule, Module, Type } from '@nestjs/common';
import { DemoSeedService } from './demo-seed.service';

/**
 * The demo seed books through the same placement effects as real bookings
 * (`PLACEMENT_EFFECTS`, from the module named in `ports`), so demo rotations
 * get their check-ins and emails; there is no default. DataSource, Clock and
 * TransactionRunner come from the global core and TypeORM modules.
 */
@Module({})
export class SeedModule {
  static register(options: { ports: Array<Type | DynamicModule> }): DynamicModule {
    return {
      module: SeedModule,
      imports: options.ports,
      providers: [DemoSeedService],
      exports: [DemoSeedService],
    };
  }
}
