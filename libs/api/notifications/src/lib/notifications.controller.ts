import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  ApiError,
  ApiErrorResponses,
  AuthenticatedUser,
  CurrentUser,
  pageWindow,
  Roles,
  toPage,
  UuidParamPipe,
} from '@stint/api-core';
import type { NotificationRecord, Page, RetryFailedResult } from '@stint/contracts';
import type { FastifyReply } from 'fastify';
import { NotificationQueryDto } from './dto/notification-query.dto';
import { EmailLogRepository } from './email-log.repository';
import { OutboxSweeper } from './outbox-sweeper.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly emailLog: EmailLogRepository,
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
    const [items, total] = await this.emailLog.page({ kind: q.kind, status: q.status, recipient: q.recipient }, window);
    return toPage(items, total, window);
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

  @Get(':id/body')
  @Roles('admin')
  @ApiProduces('text/html')
  @ApiOperation({
    summary:
      "An email's HTML body as sent (admin), for the email log's preview. Served sandboxed: no script runs and nothing is loaded from elsewhere.",
  })
  @ApiOkResponse({ description: 'The HTML body.', schema: { type: 'string' } })
  @ApiErrorResponses(401, 403, 404)
  async body(
    @Param('id', new UuidParamPipe('email')) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const html = await this.emailLog.bodyOf(id);
    if (html === null) throw ApiError.notFound('email', id);
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'self'",
      );
    return html;
  }
}
