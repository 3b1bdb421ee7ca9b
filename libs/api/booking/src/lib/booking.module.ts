import { DynamicModule, Module, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlacementEntity } from './placement.entity';
import { PlacementMovesService } from './placements/placement-moves.service';
import { PlacementsController } from './placements/placements.controller';
import { PlacementsRepository } from './placements/placements.repository';
import { PlacementsService } from './placements/placements.service';
import { RequestBooker } from './requests/request-booker';
import { RequestDecisionsService } from './requests/request-decisions.service';
import { RequestProposalsService } from './requests/request-proposals.service';
import { RequestsController } from './requests/requests.controller';
import { RequestsRepository } from './requests/requests.repository';
import { RequestsService } from './requests/requests.service';
import { RuleCheckService } from './requests/rule-check.service';
import { RequestApprovalEntity, RotationRequestEntity } from './rotation-request.entity';
import { BookingRules } from './rules/booking-rules.service';
import { SlotsController } from './slots/slots.controller';
import { TimelineController } from './timeline/timeline.controller';
import { SlotsService } from './slots/slots.service';
import { WaitlistController } from './waitlist/waitlist.controller';
import { WaitlistModule } from './waitlist/waitlist.module';
import { WaitlistService } from './waitlist/waitlist.service';

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
        WaitlistModule.register({ ports: options.ports }),
      ],
      controllers: [RequestsController, PlacementsController, SlotsController, TimelineController, WaitlistController],
      providers: [
        BookingRules,
        SlotsService,
        RequestsRepository,
        RequestsService,
        RequestDecisionsService,
        RequestProposalsService,
        RequestBooker,
        RuleCheckService,
        PlacementsRepository,
        PlacementsService,
        PlacementMovesService,
        WaitlistService,
      ],
      exports: [RequestsService, RequestDecisionsService, PlacementsService, PlacementMovesService, SlotsService],
    };
  }
}
