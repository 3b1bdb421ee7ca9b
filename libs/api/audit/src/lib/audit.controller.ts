import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';

import { ApiErrorResponses, PageQueryDto, pageWindow, Roles } from '@stint/api-core';
import type { AuditEntry, Page } from '@stint/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { AuditService } from './audit.service';

export const AUDITED_ENTITY_TYPES = [
  'user',
  'team',
  'blackout',
  'policy',
  'rotation_request',
  'placement',
  'check_in',
  'notification',
] as const;

class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AUDITED_ENTITY_TYPES })
  @IsOptional()
  @IsIn(AUDITED_ENTITY_TYPES, { message: `entityType must be one of ${AUDITED_ENTITY_TYPES.join(', ')}` })
  entityType?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'entityId must be a UUID' })
  entityId?: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Who did what when, for every state change (admin). Newest first.' })
  @ApiErrorResponses(400, 401, 403)
  list(@Query() query: AuditQueryDto): Promise<Page<AuditEntry>> {
    return this.audit.list({ entityType: query.entityType, entityId: query.entityId }, pageWindow(query));
  }
}
