import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlacementsController, RequestsController, SlotsController } from './booking.controller';
import { PlacementEntity } from './placement.entity';
import { PlacementLifecycle } from './placement-lifecycle';
import { PlacementsService } from './placements.service';
import { RequestApprovalEntity, RotationRequestEntity } from './rotation-request.entity';
import { RequestsService } from './requests.service';
import { SlotsService } from './slots.service';

export interface BookingOptions {
  /** What else happens when a placement is booked, moved or cancelled (check-ins, emails). */
  lifecycle?: Type<PlacementLifecycle>;
  /** Providers the lifecycle needs that no global module supplies. */
  providers?: Provider[];
}

@Module({})
export class BookingModule {
  static register(options: BookingOptions = {}): DynamicModule {
    return {
      module: BookingModule,
      imports: [TypeOrmModule.forFeature([RotationRequestEntity, RequestApprovalEntity, PlacementEntity])],
      controllers: [RequestsController, PlacementsController, SlotsController],
      providers: [
        RequestsService,
        PlacementsService,
        SlotsService,
        { provide: PlacementLifecycle, useClass: options.lifecycle ?? PlacementLifecycle },
        ...(options.providers ?? []),
      ],
      exports: [RequestsService, PlacementsService, SlotsService, PlacementLifecycle],
    };
  }
}
