import { Module } from '@nestjs/common';
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

@Module({
  imports: [TypeOrmModule.forFeature([TeamEntity, BlackoutEntity, PolicyEntity])],
  controllers: [TeamsController, BlackoutsController, PolicyController],
  providers: [TeamsService, BlackoutsService, PolicyService],
  exports: [TeamsService, BlackoutsService, PolicyService, TypeOrmModule],
})
export class ProgrammeModule {}
