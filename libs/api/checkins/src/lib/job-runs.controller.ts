import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiErrorResponses, PageQueryDto, pageWindow, Roles, toPage } from '@stint/api-core';
import { JOB_RUN_OUTCOMES, type JobRun, type JobRunOutcome, type Page } from '@stint/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { toJobRun } from './job-ledger';

const JOB_RUN_KINDS = ['checkin_reminder', 'checkin_overdue', 'approval_nudge'] as const;

class JobRunQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: JOB_RUN_OUTCOMES })
  @IsOptional()
  @IsIn(JOB_RUN_OUTCOMES, { message: `outcome must be one of ${JOB_RUN_OUTCOMES.join(', ')}` })
  outcome?: JobRunOutcome;

  @ApiPropertyOptional({ enum: JOB_RUN_KINDS })
  @IsOptional()
  @IsIn(JOB_RUN_KINDS, { message: `kind must be one of ${JOB_RUN_KINDS.join(', ')}` })
  kind?: JobRun['kind'];
}

@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/job-runs')
export class JobRunsController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary:
      'What each reminder, overdue and approval-nudge job did (admin), newest first: sent, or skipped with the reason (e.g. a reminder whose check-in had already begun after an outage). Filter by outcome and kind.',
  })
  @ApiErrorResponses(400, 401, 403)
  async list(@Query() q: JobRunQueryDto): Promise<Page<JobRun>> {
    const window = pageWindow(q);
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.outcome) where.push(`outcome = $${params.push(q.outcome)}`);
    if (q.kind) where.push(`kind = $${params.push(q.kind)}`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [rows, count] = await Promise.all([
      this.db.query(
        `SELECT * FROM job_runs ${filter} ORDER BY ran_at DESC, subject_id LIMIT ${window.pageSize} OFFSET ${window.offset}`,
        params,
      ),
      this.db.query(`SELECT count(*)::int AS n FROM job_runs ${filter}`, params) as Promise<Array<{ n: number }>>,
    ]);
    return toPage((rows as Parameters<typeof toJobRun>[0][]).map(toJobRun), count[0]?.n ?? 0, window);
  }
}
