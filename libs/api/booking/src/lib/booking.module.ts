import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlacementsController, RequestsController, SlotsController } from './booking.controller';
import { PlacementEntity } from './placement.entity';
import { PlacementLifecycle } from './placement-lifecycle';
import { PlacementsService } from './placements.service';
import { RequestApprovalEntity, RotationRequestEntity } from './rotation-request.entity';
import { RequestsService } from './requests.service';
import { SlotsService } from './slots.service';

@Module({
  imports: [TypeOrmModule.forFeature([RotationRequestEntity, RequestApprovalEntity, PlacementEntity])],
  controllers: [RequestsController, PlacementsController, SlotsController],
  providers: [RequestsService, PlacementsService, SlotsService, PlacementLifecycle],
  exports: [RequestsService, PlacementsService, SlotsService, PlacementLifecycle],
})
export class BookingModule {}
