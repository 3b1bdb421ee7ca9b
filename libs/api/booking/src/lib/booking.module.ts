import { DynamicModule, Module, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlacementsController, RequestsController, SlotsController } from './booking.controller';
import { PlacementEntity } from './placement.entity';
import { PlacementsService } from './placements.service';
import { RequestApprovalEntity, RotationRequestEntity } from './rotation-request.entity';
import { RequestsService } from './requests.service';
import { SlotsService } from './slots.service';

export interface BookingOptions {
  /**
   * The modules that provide booking's ports (`PLACEMENT_EFFECTS`, `REQUEST_NOTICES` and
   * `PLACEMENT_CHECK_INS`, see `@stint/api-core`). There are no defaults: without them the
   * application fails at start rather than booking placements without check-ins or emails.
   */
  ports: Array<Type | DynamicModule>;
}

@Module({})
export class BookingModule {
  static register(options: BookingOptions): DynamicModule {
    return {
      module: BookingModule,
      imports: [
        TypeOrmModule.forFeature([RotationRequestEntity, RequestApprovalEntity, PlacementEntity]),
        ...options.ports,
      ],
      controllers: [RequestsController, PlacementsController, SlotsController],
      providers: [RequestsService, PlacementsService, SlotsService],
      exports: [RequestsService, PlacementsService, SlotsService],
    };
  }
}
