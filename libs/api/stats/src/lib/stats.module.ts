import { Module } from '@nestjs/common';
import { OutcomesController } from './outcomes/outcomes.controller';
import { OutcomesRepository } from './outcomes/outcomes.repository';
import { OutcomesService } from './outcomes/outcomes.service';
import { StatsController } from './stats.controller';
import { StatsRepository } from './stats.repository';
import { StatsService } from './stats.service';

/** Dashboard figures; needs only the global core and TypeORM modules. */
@Module({
  controllers: [StatsController, OutcomesController],
  providers: [StatsRepository, StatsService, OutcomesRepository, OutcomesService],
  exports: [StatsService],
})
export class StatsModule {}
