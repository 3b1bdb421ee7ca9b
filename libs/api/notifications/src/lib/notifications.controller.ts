import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiErrorResponses, containsPattern, PageQueryDto, pageWindow, Roles, toPage } from '@stint/api-core';
import { NOTIFICATION_KINDS, NOTIFICATION_STATUSES, type NotificationKind, type NotificationRecord, type NotificationStatus, type Page } from '@stint/contracts';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { NotificationEntity, toNotificationRecord } from './notification.entity';

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
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'The email log (admin): every recorded email with its status, attempts and last error. Newest first.' })
  @ApiErrorResponses(400, 401, 403)
  async list(@Query() q: NotificationQueryDto): Promise<Page<NotificationRecord>> {
    const window = pageWindow(q);
    const query = this.db.getRepository(NotificationEntity).createQueryBuilder('n').orderBy('n.createdAt', 'DESC').addOrderBy('n.id', 'DESC');
    if (q.kind) query.andWhere('n.kind = :kind', { kind: q.kind });
    if (q.status) query.andWhere('n.status = :status', { status: q.status });
    if (q.recipient) query.andWhere('n.recipient ILIKE :recipient', { recipient: containsPattern(q.recipient) });
    const [rows, total] = await query.skip(window.offset).take(window.pageSize).getManyAndCount();
    return toPage(rows.map(toNotificationRecord), total, window);
  }
}
