import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApiErrorResponses,
  AuthenticatedUser,
  containsPattern,
  CurrentUser,
  PageQueryDto,
  pageWindow,
  Roles,
  toPage,
  UuidParamPipe,
} from '@stint/api-core';
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  type NotificationKind,
  type NotificationRecord,
  type NotificationStatus,
  type Page,
  type RetryFailedResult,
} from '@stint/contracts';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { NotificationEntity, toNotificationRecord } from './notification.entity';
import { OutboxSweeper } from './outbox-sweeper.service';

class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: NOTIFICATION_KINDS })
  @IsOptional()
  @IsIn(NOTIFICATION_KINDS, { message: `kind must be one of ${NOTIFICATION_KINDS.join(', ')}` })
  kind?: NotificationKind;

  @ApiPropertyOptional({ enum: NOTIFICATION_STATUSES })
  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES, { message: `status must be one of ${NOTIFICATION_STATUSES.join(', ')}` })
  status?: NotificationStatus;

  @ApiPropertyOptional({ description: 'Matches the recipient email, case-insensitive.' })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  recipient?: string;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sweeper: OutboxSweeper,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: 'The email log (admin): every recorded email with its status, attempts and last error. Newest first.',
  })
  @ApiErrorResponses(400, 401, 403)
  async list(@Query() q: NotificationQueryDto): Promise<Page<NotificationRecord>> {
    const window = pageWindow(q);
    const query = this.db
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .orderBy('n.createdAt', 'DESC')
      .addOrderBy('n.id', 'DESC');
    if (q.kind) query.andWhere('n.kind = :kind', { kind: q.kind });
    if (q.status) query.andWhere('n.status = :status', { status: q.status });
    if (q.recipient) query.andWhere('n.recipient ILIKE :recipient', { recipient: containsPattern(q.recipient) });
    const [rows, total] = await query.skip(window.offset).take(window.pageSize).getManyAndCount();
    return toPage(rows.map(toNotificationRecord), total, window);
  }

  @Post('retry-failed')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary:
      'Retry every failed email (admin): each goes back to pending with a fresh 24-hour retry window and is queued at once.',
  })
  @ApiErrorResponses(401, 403)
  retryFailed(@CurrentUser() caller: AuthenticatedUser): Promise<RetryFailedResult> {
    return this.sweeper.retryAllFailed(caller);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary:
      'Retry one failed email (admin): back to pending with a fresh 24-hour retry window, queued at once. 409 INVALID_STATE unless it is failed.',
  })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  retry(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', new UuidParamPipe('email')) id: string,
  ): Promise<NotificationRecord> {
    return this.sweeper.retry(caller, id);
  }
}
