import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@stint/api-core';
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  type NotificationKind,
  type NotificationStatus,
} from '@stint/contracts';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class NotificationQueryDto extends PageQueryDto {
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
