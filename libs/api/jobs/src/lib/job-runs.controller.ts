import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiErrorResponses, pageWindow, Roles, toPage } from '@stint/api-core';
import type { JobRun, Page } from '@stint/contracts';
import { DataSource } from 'typeorm';
import { JobRunQueryDto } from './dto/job-run-query.dto';
import { jobRunsPage } from './job-runs.queries';

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
    const [items, total] = await jobRunsPage(this.db, { outcome: q.outcome, kind: q.kind }, window);
    return toPage(items, total, window);
  }
}
