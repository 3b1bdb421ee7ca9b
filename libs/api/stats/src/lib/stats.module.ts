import { Module } from '@nestjs/common';
import { OutcomesController } from './outcomes/outcomes.controller';
import { OutcomesRepository } from './outcomes/outcomes.repository';
import { OutcomesService } from './outcomes/outcomes.service';
import { StatsController } from './stats.controller';
import { StatsRepository } from './stats.repository';
import { StatsService } from './stats.service';
import { TodayController } from './today/today.controller';
import { TodayRepository } from './today/today.repository';
import { TodayService } from './today/today.service';

/** Dashboard figures; needs only the global core and TypeORM modules. */
@Module({
  controllers: [StatsController, OutcomesController, TodayController],
  providers: [StatsRepository, StatsService, OutcomesRepository, OutcomesService, TodayRepository, TodayService],
  exports: [StatsService],
})
export class StatsModule {}
