import { DynamicModule, Module, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BlackoutEntity } from './blackout.entity';
import { BlackoutsController } from './blackouts.controller';
import { BlackoutsService } from './blackouts.service';
import { PolicyController } from './policy.controller';
import { PolicyEntity } from './policy.entity';
import { PolicyService } from './policy.service';
import { TeamEntity } from './team.entity';
import { TeamsController } from './teams.controller';
import { TeamsService } from './teams.service';

export interface ProgrammeOptions {
  /**
   * The module that provides `PLACES_FREED` (see `@stint/api-core`): raising a
   * team's capacity or lifting a blackout offers the freed places to the
   * waitlist. No default: without it the application fails at start.
   */
  ports: Array<Type | DynamicModule>;
}

@Module({})
export class ProgrammeModule {
  static register(options: ProgrammeOptions): DynamicModule {
    return {
      module: ProgrammeModule,
      imports: [TypeOrmModule.forFeature([TeamEntity, BlackoutEntity, PolicyEntity]), ...options.ports],
      controllers: [TeamsController, BlackoutsController, PolicyController],
      providers: [TeamsService, BlackoutsService, PolicyService],
      exports: [TeamsService, BlackoutsService, PolicyService, TypeOrmModule],
    };
  }
}
