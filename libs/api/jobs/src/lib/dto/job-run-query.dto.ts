import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@stint/api-core';
import { JOB_RUN_OUTCOMES, type JobRunOutcome } from '@stint/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { JOB_RUN_KINDS, type JobRunKind } from '../job-ledger';

export class JobRunQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: JOB_RUN_OUTCOMES })
  @IsOptional()
  @IsIn(JOB_RUN_OUTCOMES, { message: `outcome must be one of ${JOB_RUN_OUTCOMES.join(', ')}` })
  outcome?: JobRunOutcome;

  @ApiPropertyOptional({ enum: JOB_RUN_KINDS })
  @IsOptional()
  @IsIn(JOB_RUN_KINDS, { message: `kind must be one of ${JOB_RUN_KINDS.join(', ')}` })
  kind?: JobRunKind;
}
