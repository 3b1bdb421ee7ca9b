import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BlackoutEntity } from './blackout.entity';
import { BlackoutsService } from './blackouts.service';
import { PolicyEntity } from './policy.entity';
import { PolicyService } from './policy.service';
import { BlackoutsController, PolicyController, TeamsController } from './programme.controller';
import { TeamEntity } from './team.entity';
import { TeamsService } from './teams.service';

@Module({
  imports: [TypeOrmModule.forFeature([TeamEntity, BlackoutEntity, PolicyEntity])],
  controllers: [TeamsController, BlackoutsController, PolicyController],
  providers: [TeamsService, BlackoutsService, PolicyService],
  exports: [TeamsService, BlackoutsService, PolicyService, TypeOrmModule],
})
export class ProgrammeModule {}
